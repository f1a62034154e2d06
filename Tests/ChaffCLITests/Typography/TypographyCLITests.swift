import Foundation
import Testing

/// The typography family from the command line: off by default, on with `--select` or a
/// preset (command line or config), `chaff fix` leaves code and URLs alone and is idempotent.
@Suite struct TypographyCLITests {
    static let markdown = """
        # 安装Linux

        在Linux上安装2.0版 ,很好.运行`make install`命令,见[文档](https://example.com/a_b)。

        ```
        代码code,不改
        ```

        """

    @Test func offByDefaultOnWithSelect() {
        let scratch = Scratch()
        scratch.write("a.md", Self.markdown)
        let plain = chaff(["check", "--no-config", scratch.path("a.md")], in: scratch.root)
        #expect(plain.out == "")
        #expect(plain.status == 0)
        let selected = chaff(["check", "--no-config", "--select", "typography-space-cjk-latin", scratch.path("a.md")], in: scratch.root)
        #expect(
            selected.out == """
                a.md:1:5: warning: Chinese beside a Latin word or number: a space expected [typography-space-cjk-latin]
                a.md:3:2: warning: Chinese beside a Latin word or number: a space expected [typography-space-cjk-latin]
                a.md:3:7: warning: Chinese beside a Latin word or number: a space expected [typography-space-cjk-latin]
                a.md:3:10: warning: Chinese beside a Latin word or number: a space expected [typography-space-cjk-latin]
                a.md:3:13: warning: Chinese beside a Latin word or number: a space expected [typography-space-cjk-latin]
                a.md:3:21: warning: Chinese beside a Latin word or number: a space expected [typography-space-cjk-latin]
                a.md:3:35: warning: Chinese beside a Latin word or number: a space expected [typography-space-cjk-latin]

                """)
        #expect(selected.status == 1)
    }

    @Test func fixWithAPresetThenCheckFindsNothingAndCodeStays() throws {
        let scratch = Scratch()
        let path = scratch.write("a.md", Self.markdown)
        let fix = chaff(
            ["fix", "--no-config", "--preset", "copywriting", "--select", "typography", scratch.path("a.md")], in: scratch.root)
        #expect(fix.out == "")
        #expect(fix.err == "chaff: fixed 10 findings in 1 file\n")
        let fixed = String(decoding: FileManager.default.contents(atPath: path) ?? Data(), as: UTF8.self)
        #expect(
            fixed == """
                # 安装 Linux

                在 Linux 上安装 2.0 版，很好。运行 `make install` 命令，见[文档](https://example.com/a_b)。

                ```
                代码code,不改
                ```

                """)
        let check = chaff(
            ["check", "--no-config", "--preset", "copywriting", "--select", "typography", scratch.path("a.md")], in: scratch.root)
        #expect(check.out == "")
        #expect(check.status == 0)
        let again = chaff(
            ["fix", "--no-config", "--preset", "copywriting", "--select", "typography", scratch.path("a.md")], in: scratch.root)
        #expect(again.err == "chaff: fixed 0 findings in 0 files\n")
    }

    @Test func presetInTheConfigTurnsItsRulesOnWithTheirOptions() {
        let scratch = Scratch()
        scratch.write(".chaff.json", #"{"preset": "zh-TW", "options": {"typography-space-cjk-latin": {"mode": "never"}}}"#)
        scratch.write("a.txt", "他說“你好”，用 Git 提交\n")
        let run = chaff(["check", scratch.path("a.txt")], in: scratch.root)
        #expect(
            run.out == """
                a.txt:1:3: warning: Quotation mark of the other style; use '「' [typography-quote-style]
                a.txt:1:6: warning: Quotation mark of the other style; use '」' [typography-quote-style]
                a.txt:1:9: warning: Chinese beside a Latin word or number: no space expected [typography-space-cjk-latin]
                a.txt:1:13: warning: Chinese beside a Latin word or number: no space expected [typography-space-cjk-latin]

                """)
    }

    @Test func unknownPresetsAreErrors() {
        let scratch = Scratch()
        let command = chaff(["check", "--no-config", "--preset", "chicago", scratch.root], in: scratch.root)
        #expect(command.err.contains("--preset must be one of autocorrect, copywriting, zh-TW, found 'chicago'"))
        #expect(command.status == 2)
        scratch.write(".chaff.json", "{\n  \"preset\": \"chicago\"\n}\n")
        let config = chaff(["check", scratch.root], in: scratch.root)
        #expect(config.err.contains(".chaff.json:2:13:"))
        #expect(config.err.contains("'preset' must be one of 'autocorrect', 'copywriting', 'zh-TW'"))
        #expect(config.status == 2)
    }
}
