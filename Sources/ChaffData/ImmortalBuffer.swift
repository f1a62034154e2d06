/// A read-only array that is allocated once for a process-wide table and never freed.
///
/// Lookups on hot paths index these buffers directly: unlike `Array`, an element read involves
/// no reference counting and no bounds check in release builds.
@usableFromInline
struct ImmortalBuffer<Element: BitwiseCopyable>: @unchecked Sendable {
    // @unchecked: the memory is written only inside `init` and never deallocated, so sharing
    // it across threads is safe.
    @usableFromInline let base: UnsafeBufferPointer<Element>

    init(_ elements: [Element]) {
        let storage = UnsafeMutableBufferPointer<Element>.allocate(capacity: max(elements.count, 1))
        _ = storage.initialize(from: elements)
        base = UnsafeBufferPointer(rebasing: storage[0..<elements.count])
    }

    /// A generated table's array read where it is: `elements` must be a global constant, whose
    /// storage lives as long as the process (an optimised build lays an array of integer
    /// literals out in the binary), so its address stays valid after the closure returns.
    init(generated elements: [Element]) {
        base = elements.withUnsafeBufferPointer { $0 }
    }

    /// `count` copies of `value`, then changed in place by `fill`: a large table is written
    /// once, not built in an array and copied (each first write of a page costs a fault).
    init(repeating value: Element, count: Int, fill: (UnsafeMutableBufferPointer<Element>) -> Void) {
        let storage = UnsafeMutableBufferPointer<Element>.allocate(capacity: max(count, 1))
        storage.initialize(repeating: value)
        fill(UnsafeMutableBufferPointer(rebasing: storage[0..<count]))
        base = UnsafeBufferPointer(rebasing: storage[0..<count])
    }

    @inlinable @inline(__always)
    var count: Int { base.count }

    @inlinable @inline(__always)
    subscript(index: Int) -> Element { base[index] }

    /// The number of elements `<= value`, for a buffer sorted ascending (upper bound).
    @inlinable @inline(__always)
    func countNotGreater(than value: Element) -> Int where Element: Comparable {
        var low = 0
        var high = base.count
        while low < high {
            let middle = (low + high) >> 1
            if base[middle] <= value { low = middle + 1 } else { high = middle }
        }
        return low
    }
}
