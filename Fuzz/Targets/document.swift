/// Fuzz target `document`: see `DocumentPipelineCheck` for what it checks.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzDocument(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    do {
        try DocumentPipelineCheck.check(Array(UnsafeBufferPointer(start: data, count: size)))
    } catch {
        fatalError("fuzz invariant broken: \(error.message)")
    }
    return 0
}
