import Foundation
import Testing

/// The built-in rules are compiled into the executable: a copy of the binary alone, in a
/// directory with nothing else, still lints with them. (.ci/run also runs a copied release
/// binary with the build folder moved away.)
@Suite struct CopiedBinaryTests {
    static func builtExecutable() -> String? {
        let directory = URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent()
        for candidate in [directory, directory.deletingLastPathComponent()] {
            let path = candidate.appendingPathComponent("chaff").path
            if FileManager.default.isExecutableFile(atPath: path) { return path }
        }
        let fallback = repositoryRoot + "/.build/debug/chaff"
        return FileManager.default.isExecutableFile(atPath: fallback) ? fallback : nil
    }

    @Test func copiedBinaryRunsItsBuiltInRules() throws {
        let source = try #require(Self.builtExecutable(), "the chaff executable was not built next to the tests")
        let scratch = Scratch()
        let copy = scratch.path("bin/chaff")
        try FileManager.default.createDirectory(atPath: scratch.path("bin"), withIntermediateDirectories: true)
        try FileManager.default.copyItem(atPath: source, toPath: copy)
        scratch.write("page.txt", "标题：<随机段落>\n")
        let run = try runExecutable(copy, ["check", "page.txt"], in: scratch.root)
        #expect(run.err == "")
        #expect(
            run.out
                == "page.txt:1:4: warning: Unfilled template token '<随机段落>'; replace it with real text or remove it [placeholder-angle-token]\n"
        )
        #expect(run.status == 1)
    }
}
