import Foundation
import Testing

@testable import ChaffRunner

#if canImport(Glibc)
    import Glibc
#endif

/// Runs that end early: a reader that goes away (`| head`, `| true`), Ctrl-C or a file-size
/// limit during `--output`. Each runs the real executable, since what matters is what the
/// kernel and the shell see: the exit status, stderr, and the files left behind.
@Suite(.serialized) struct InterruptionTests {
    static let finding = "warning: Format specifier '%s' in prose; the value was never filled in [placeholder-printf-specifier]"

    /// `chaff … | head -1`: the first line arrives, chaff says nothing on stderr and exits with
    /// 141, the status of a process ended by SIGPIPE, so a cut-short report is never mistaken
    /// for a clean run. The report (2,000 lines, 220 KB) is far larger than a pipe's buffer, so
    /// chaff is still writing when head exits.
    @Test func closedPipeEndsTheRunQuietlyWithStatus141() throws {
        let scratch = Scratch()
        scratch.write("many.txt", String(repeating: "x %s\n", count: 2_000))
        let script = "'\(try ExecutableRun.executable())' check many.txt | head -1; echo \"status=${PIPESTATUS[0]}\" >&2"
        let run = try ExecutableRun.run(["-c", script], in: scratch.root, timeout: 30, executable: "/bin/bash")
        #expect(run.out == "many.txt:1:3: \(Self.finding)\n")
        #expect(run.err == "status=141\n")
    }

    /// A reader that is gone before chaff starts (`chaff … | true`): chaff notices before it
    /// opens a single file and stops at once. The only input is a FIFO with no writer, which
    /// would block forever if chaff went on to read it.
    @Test func readerGoneBeforeTheStartStopsLintingAtOnce() throws {
        let scratch = Scratch()
        mkfifo(scratch.path("blocks.txt"), 0o644)
        var ends: [Int32] = [0, 0]
        #expect(pipe(&ends) == 0)
        close(ends[0])
        let process = Process()
        process.executableURL = URL(fileURLWithPath: try ExecutableRun.executable())
        process.arguments = ["check", "blocks.txt"]
        process.currentDirectoryURL = URL(fileURLWithPath: scratch.root)
        process.standardOutput = FileHandle(fileDescriptor: ends[1], closeOnDealloc: true)
        let err = Pipe()
        process.standardError = err
        try process.run()
        let killer = DispatchWorkItem { [process] in kill(process.processIdentifier, SIGKILL) }
        DispatchQueue.global().asyncAfter(deadline: .now() + 20, execute: killer)
        process.waitUntilExit()
        killer.cancel()
        #expect(ExecutableRun.shellStatus(process) == 141)
        #expect(String(decoding: err.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self) == "")
    }

    /// Ctrl-C while `--output` is being written: the temporary file is removed and the old
    /// report stays as it was. chaff is stopped (SIGSTOP) the moment its temporary file appears,
    /// sent SIGINT, and continued, so the signal lands mid-write; if a run finished its rename
    /// before the poll saw the file, it is tried again.
    @Test func interruptDuringOutputLeavesNoTemporaryAndTheOldFileIntact() throws {
        let scratch = Scratch()
        // 30,000 findings: a JSON report of about 12 MB.
        scratch.write("in/many.txt", String(repeating: "x %s y\n", count: 30_000))
        scratch.write("out/report.json", "old report\n")
        var caughtMidWrite = false
        for _ in 0..<5 where !caughtMidWrite {
            let process = Process()
            process.executableURL = URL(fileURLWithPath: try ExecutableRun.executable())
            process.arguments = ["check", "--format", "json", "--output", "out/report.json", "in"]
            process.currentDirectoryURL = URL(fileURLWithPath: scratch.root)
            process.standardOutput = FileHandle.nullDevice
            process.standardError = FileHandle.nullDevice
            try process.run()
            var sawTemporary = false
            while process.isRunning {
                if Self.names(in: scratch.path("out")).contains(where: { $0.hasPrefix(".report.json.chaff-") }) {
                    kill(process.processIdentifier, SIGSTOP)
                    sawTemporary = true
                    kill(process.processIdentifier, SIGINT)
                    kill(process.processIdentifier, SIGCONT)
                    break
                }
            }
            process.waitUntilExit()
            #expect(Self.names(in: scratch.path("out")) == ["report.json"], "a temporary file was left behind")
            if sawTemporary && ExecutableRun.shellStatus(process) == 128 + SIGINT {
                // Killed by SIGINT, as a shell expects (130), with the old report untouched.
                #expect(scratch.read("out/report.json") == "old report\n")
                caughtMidWrite = true
            } else {
                // The rename won the race: the report is complete, never partial.
                #expect(scratch.read("out/report.json").hasSuffix("  ]\n}\n"))
                scratch.write("out/report.json", "old report\n")
            }
        }
        #expect(caughtMidWrite, "never caught chaff between creating and renaming its temporary file")
    }

    /// Past `ulimit -f`, the write fails with "File too large" instead of SIGXFSZ killing chaff
    /// mid-write: the error is reported, the temporary removed, the old report kept. (The
    /// limit is 1 MiB, under the 8 MB report: ThreadSanitizer's runtime itself dies of SIGBUS
    /// under a limit of a few kilobytes.)
    @Test func fileSizeLimitIsAnErrorNotACrash() throws {
        let scratch = Scratch()
        scratch.write("many.txt", String(repeating: "x %s\n", count: 20_000))
        scratch.write("out.json", "old\n")
        let script = "ulimit -f 1024; exec '\(try ExecutableRun.executable())' check --format json --output out.json many.txt"
        let run = try ExecutableRun.run(["-c", script], in: scratch.root, timeout: 30, executable: "/bin/bash")
        #expect(run.out == "")
        #expect(run.err == "out.json: error: cannot write output: File too large\n")
        #expect(run.status == 2)
        #expect(Self.names(in: scratch.root) == ["many.txt", "out.json"])
        #expect(scratch.read("out.json") == "old\n")
    }

    /// Every name in `directory`, hidden ones included, sorted.
    static func names(in directory: String) -> [String] {
        guard let handle = opendir(directory) else { return [] }
        defer { closedir(handle) }
        var names: [String] = []
        while let entry = readdir(handle) {
            let name = String(decoding: FileWalker.nameAndType(entry).name, as: UTF8.self)
            if name != "." && name != ".." { names.append(name) }
        }
        return names.sorted()
    }
}
