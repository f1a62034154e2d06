/// The items of the line being built, in storage reused from line to line: appending to an
/// `Array` went through a call that was not inlined for each of millions of items, and each
/// line's array reserved more than it used.
final class TypographyItemBuffer {
    private var base: UnsafeMutablePointer<TypographyItem>
    private var capacity: Int
    private(set) var count = 0

    init() {
        capacity = 256
        base = .allocate(capacity: capacity)
    }

    deinit { base.deallocate() }

    /// Empties the buffer, making room for `capacity` items.
    func reset(capacity needed: Int) {
        count = 0
        guard needed > capacity else { return }
        base.deallocate()
        capacity = max(needed, capacity * 2)
        base = .allocate(capacity: capacity)
    }

    /// Adds `item`; there is room for as many as `reset` was given.
    @inline(__always) func append(_ item: TypographyItem) {
        precondition(count < capacity, "more typography items than bytes in a line")
        (base + count).initialize(to: item)
        count += 1
    }

    /// The items as an array of their own size.
    func array() -> [TypographyItem] {
        Array(UnsafeBufferPointer(start: base, count: count))
    }
}
