/// Fuzz target `gettext`: see `GettextReaderCheck` for what it checks.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzGettext(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    do {
        try GettextReaderCheck.check(Array(UnsafeBufferPointer(start: data, count: size)))
    } catch {
        fatalError("fuzz invariant broken: \(error.message)")
    }
    return 0
}
