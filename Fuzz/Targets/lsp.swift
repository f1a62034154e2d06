/// Fuzz target `lsp`: see `LanguageServerMessageCheck` for what it checks.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzLanguageServer(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    do {
        try LanguageServerMessageCheck.check(Array(UnsafeBufferPointer(start: data, count: size)))
    } catch {
        fatalError("fuzz invariant broken: \(error.message)")
    }
    return 0
}
