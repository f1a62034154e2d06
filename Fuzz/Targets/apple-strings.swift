/// Fuzz target `apple-strings`: see `CatalogueReaderCheck` for what it checks.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzAppleStrings(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    do {
        try CatalogueReaderCheck.check(Array(UnsafeBufferPointer(start: data, count: size)), format: .appleStrings)
    } catch {
        fatalError("fuzz invariant broken: \(error.message)")
    }
    return 0
}
