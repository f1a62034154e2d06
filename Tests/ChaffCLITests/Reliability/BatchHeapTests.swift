import Foundation
import Testing

#if canImport(Glibc)
    import Glibc
#endif

/// The heap settings of a check run (`BatchHeap`), seen from outside the real executable:
/// while chaff waits on its only input, a FIFO, its memory map must show the heap grown by
/// the advised region and marked for huge pages; then it is fed a line and must report it.
@Suite(.serialized) struct BatchHeapTests {
    #if os(Linux)
        @Test func aCheckRunAdvisesItsHeapIntoHugePages() throws {
            // Without transparent huge pages in the kernel the advice is refused, by design.
            let switchFile = "/sys/kernel/mm/transparent_hugepage/enabled"
            try #require(FileManager.default.fileExists(atPath: switchFile), "this kernel has no transparent huge pages")
            let scratch = Scratch()
            mkfifo(scratch.path("waits.txt"), 0o644)
            let process = Process()
            process.executableURL = URL(fileURLWithPath: try ExecutableRun.executable())
            process.arguments = ["check", "--no-config", "waits.txt"]
            process.currentDirectoryURL = URL(fileURLWithPath: scratch.root)
            let out = Pipe()
            process.standardOutput = out
            process.standardError = FileHandle.nullDevice
            try process.run()
            let killer = DispatchWorkItem { [process] in kill(process.processIdentifier, SIGKILL) }
            DispatchQueue.global().asyncAfter(deadline: .now() + 30, execute: killer)
            defer { killer.cancel() }

            var advised: [(size: Int, flags: String)] = []
            for _ in 0..<200 where advised.isEmpty {
                advised = Self.heapMappings(of: process.processIdentifier).filter { $0.flags.split(separator: " ").contains("hg") }
                if advised.isEmpty { usleep(20_000) }
            }
            // Opening the FIFO for writing releases chaff's open; the line is its whole input.
            let writer = open(scratch.path("waits.txt"), O_WRONLY)
            #expect(writer >= 0)
            _ = "x %s\n".withCString { write(writer, $0, 5) }
            close(writer)
            let report = String(decoding: out.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
            process.waitUntilExit()

            #expect(advised.count == 1, "heap mappings marked for huge pages: \(advised)")
            // The advice covers the block that forced the growth and the 64 MB pad after it.
            #expect(advised.allSatisfy { $0.size >= 68 << 20 && $0.size < 72 << 20 }, "\(advised)")
            #expect(report.hasPrefix("waits.txt:1:3: warning: Format specifier '%s' in prose"))
            #expect(ExecutableRun.shellStatus(process) == 1)
        }

        /// The mappings of `pid` that `/proc/PID/smaps` names `[heap]`: size in bytes and the
        /// `VmFlags` line's flags.
        static func heapMappings(of pid: Int32) -> [(size: Int, flags: String)] {
            // Read to the end rather than by the file's size, which /proc reports as 0.
            guard let handle = FileHandle(forReadingAtPath: "/proc/\(pid)/smaps") else { return [] }
            defer { try? handle.close() }
            let text = String(decoding: handle.readDataToEndOfFile(), as: UTF8.self)
            var found: [(size: Int, flags: String)] = []
            var inHeap = false
            var size = 0
            for line in text.split(separator: "\n") {
                let fields = line.split(separator: " ", omittingEmptySubsequences: true)
                if let range = fields.first, fields.count >= 5, range.contains("-"), !range.hasSuffix(":") {
                    inHeap = fields.last == "[heap]"
                    let bounds = range.split(separator: "-").compactMap { Int($0, radix: 16) }
                    size = bounds.count == 2 ? bounds[1] - bounds[0] : 0
                } else if inHeap, line.hasPrefix("VmFlags:") {
                    found.append((size, String(line.dropFirst("VmFlags:".count)).trimmingCharacters(in: .whitespaces)))
                }
            }
            return found
        }
    #endif
}
