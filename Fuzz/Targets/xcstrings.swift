/// Fuzz target `xcstrings`: see `CatalogueReaderCheck` for what it checks.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzXcstrings(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    do {
        try CatalogueReaderCheck.check(Array(UnsafeBufferPointer(start: data, count: size)), format: .xcstrings)
    } catch {
        fatalError("fuzz invariant broken: \(error.message)")
    }
    return 0
}
