/// Fuzz target `stringsdict`: see `XMLLocalizationReaderCheck` for what it checks.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzStringsdict(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    do {
        try XMLLocalizationReaderCheck.check(Array(UnsafeBufferPointer(start: data, count: size)), format: .stringsdict)
    } catch {
        fatalError("fuzz invariant broken: \(error.message)")
    }
    return 0
}
