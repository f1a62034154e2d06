/// Fuzz target `i18n-json`: see `CatalogueReaderCheck` for what it checks.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzI18nJson(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    do {
        try CatalogueReaderCheck.check(Array(UnsafeBufferPointer(start: data, count: size)), format: .i18nJSON)
    } catch {
        fatalError("fuzz invariant broken: \(error.message)")
    }
    return 0
}
