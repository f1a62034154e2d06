/// Fuzz target `rules`: see `RuleLoaderCheck` for what it checks.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzRules(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    do {
        try RuleLoaderCheck.check(Array(UnsafeBufferPointer(start: data, count: size)))
    } catch {
        fatalError("fuzz invariant broken: \(error.message)")
    }
    return 0
}
