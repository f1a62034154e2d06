/// The items of a line, read in place from the document's one item store.
typealias TypographyItems = UnsafeBufferPointer<TypographyItem>

/// The items of every line of a document in one store, appended line after line: an array per
/// line cost an allocation, a release and fresh pages for each of tens of thousands of lines,
/// and reading `lines[index]` retained and released it in every check.
///
/// Appending to an `Array` went through a call that was not inlined for each of millions of
/// items, so the store is a pointer with inlined appends. It is filled by `TypographyText.init`
/// only, then read: its `lines` stay valid as long as the store.
final class TypographyItemStore: @unchecked Sendable {
    private var base: UnsafeMutablePointer<TypographyItem>
    private var capacity: Int
    private(set) var count = 0
    /// Where each line's items start in the store (one more entry than lines: the end).
    private(set) var lineStarts: [Int] = [0]

    /// A store for a document of `bytes` bytes. A document has at most one item per byte, so
    /// the store is reserved at that size (up to 4 Mi items) and does not grow: growing copied
    /// the items made so far every time, and pages reserved but never written cost nothing.
    init(bytes: Int) {
        capacity = max(1024, min(bytes, 1 << 22))
        base = .allocate(capacity: capacity)
    }

    deinit {
        base.deinitialize(count: count)
        base.deallocate()
    }

    /// Makes room for `needed` more items (at most one item per byte of a line).
    func reserve(_ needed: Int) {
        guard count + needed > capacity else { return }
        let grown = max(count + needed, capacity * 2)
        let moved = UnsafeMutablePointer<TypographyItem>.allocate(capacity: grown)
        moved.moveInitialize(from: base, count: count)
        base.deallocate()
        base = moved
        capacity = grown
    }

    /// Adds `item`; there is room for as many as `reserve` was given.
    @inline(__always) func append(_ item: TypographyItem) {
        precondition(count < capacity, "more typography items than bytes in a line")
        (base + count).initialize(to: item)
        count += 1
    }

    /// The items appended since the last line ended, kept as a line.
    func endLine() { lineStarts.append(count) }

    /// Drops the items appended since the last line ended (a line that is not kept).
    func dropLine() {
        let start = lineStarts[lineStarts.count - 1]
        (base + start).deinitialize(count: count - start)
        count = start
    }

    /// The items appended since the last line ended.
    var currentLine: TypographyItems {
        let start = lineStarts[lineStarts.count - 1]
        return TypographyItems(start: base + start, count: count - start)
    }

    /// The items of line `index`.
    @inline(__always) func line(_ index: Int) -> TypographyItems {
        lineStarts.withUnsafeBufferPointer { starts in
            TypographyItems(start: base + starts[index], count: starts[index + 1] - starts[index])
        }
    }

    /// How many lines are kept.
    var lineCount: Int { lineStarts.count - 1 }
}

/// The lines of a `TypographyText`, each its items in the document's store.
struct TypographyLines: RandomAccessCollection, Sendable {
    let store: TypographyItemStore

    var startIndex: Int { 0 }
    var endIndex: Int { store.lineCount }

    @inline(__always) subscript(index: Int) -> TypographyItems { store.line(index) }
}
