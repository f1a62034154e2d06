import Foundation
import Testing

@testable import ChaffCLI

/// What linted text and file names can smuggle into the output: terminal escapes, bidi
/// overrides, GitHub workflow commands. Each format is checked byte for byte.
@Suite struct OutputSafetyTests {
    /// A name and a text with ESC sequences (recolour, clear screen), BEL and a right-to-left
    /// override.
    static let hostileName = "esc\u{1B}[31m\u{202E}.txt"
    static let hostileText = "{{ \u{1B}[2J\u{07} \u{202E}x }}\n"

    func run(_ format: String) -> ChaffRun {
        let scratch = Scratch()
        scratch.write(Self.hostileName, Self.hostileText)
        return chaff(["check", "--format", format, "--select", "placeholder-template-expression", scratch.root], in: scratch.root)
    }

    /// No raw C0/C1 control (other than the line feeds that end lines) and no raw bidi control.
    func isTerminalSafe(_ text: String) -> Bool {
        !text.unicodeScalars.contains { s in
            (s.value < 0x20 && s != "\n") || (0x7F...0x9F).contains(s.value) || (0x202A...0x202E).contains(s.value)
                || (0x2066...0x2069).contains(s.value) || s.value == 0x2028 || s.value == 0x2029
        }
    }

    @Test func compilerShowsControlsAsVisibleEscapes() {
        let out = run("compiler").out
        #expect(
            out
                == "esc\\x1b[31m\\u{202E}.txt:1:1: warning: Unrendered template expression '{{ \\x1b[2J\\x07 \\u{202E}x }}'; fill it in or remove it [placeholder-template-expression]\n"
        )
        #expect(isTerminalSafe(out))
    }

    @Test func colouredCompilerOutputHasOnlyItsOwnEscapes() {
        let scratch = Scratch()
        scratch.write(Self.hostileName, Self.hostileText)
        let out = chaff(["check", "--color", "always", "--select", "placeholder-template-expression", scratch.root], in: scratch.root).out
        #expect(
            out
                == "\u{1B}[1mesc\\x1b[31m\\u{202E}.txt:1:1:\u{1B}[0m \u{1B}[1;35mwarning:\u{1B}[0m Unrendered template expression '{{ \\x1b[2J\\x07 \\u{202E}x }}'; fill it in or remove it \u{1B}[2m[placeholder-template-expression]\u{1B}[0m\n"
        )
    }

    @Test func githubShowsControlsAsVisibleEscapes() {
        let out = run("github").out
        #expect(
            out
                == "::warning file=esc\\x1b[31m\\u{202E}.txt,line=1,endLine=1,col=1,endColumn=15,title=chaff%3A A template expression such as {{ name }}%2C {%25 if %25}%2C <%25= name %25>%2C {count%2C plural%2C …} or ${name} was published unrendered::Unrendered template expression '{{ \\x1b[2J\\x07 \\u{202E}x }}'; fill it in or remove it [placeholder-template-expression]\n"
        )
        #expect(isTerminalSafe(out))
    }

    @Test func jsonEscapesControlsAndBidi() throws {
        let out = run("json").out
        #expect(out.contains("\n      \"path\": \"esc\\u001b[31m\\u202e.txt\",\n"))
        #expect(
            out.contains(
                "\n      \"message\": \"Unrendered template expression '{{ \\u001b[2J\\u0007 \\u202ex }}'; fill it in or remove it\",\n"))
        #expect(out.contains("\n      \"match\": \"{{ \\u001b[2J\\u0007 \\u202ex }}\",\n"))
        #expect(isTerminalSafe(out))
        // Escaped, not altered: a JSON reader gets the exact name and text back.
        let root = try #require(try JSONSerialization.jsonObject(with: Data(out.utf8)) as? [String: Any])
        let diagnostic = try #require((root["diagnostics"] as? [[String: Any]])?.first)
        #expect(diagnostic["path"] as? String == Self.hostileName)
        #expect(diagnostic["match"] as? String == "{{ \u{1B}[2J\u{07} \u{202E}x }}")
    }

    @Test func sarifEscapesControlsAndPercentEncodesTheName() throws {
        let out = run("sarif").out
        #expect(out.contains("\n                  \"uri\": \"esc%1B%5B31m%E2%80%AE.txt\",\n"))
        #expect(
            out.contains(
                "\n            \"text\": \"Unrendered template expression '{{ \\u001b[2J\\u0007 \\u202ex }}'; fill it in or remove it\"\n"))
        #expect(out.contains("\n                    \"text\": \"{{ \\u001b[2J\\u0007 \\u202ex }}\"\n"))
        #expect(isTerminalSafe(out))
    }

    /// A file's text and a file's name both try to start a GitHub `::error` command: through an
    /// escaped newline (`%0A`, which the runner would decode) and through a real newline in the
    /// name. Every line stays one `::warning` whose data and properties decode to the original.
    @Test func githubWorkflowCommandsCannotBeInjected() {
        let scratch = Scratch()
        scratch.write("inject.txt", "{{ x%0A::error file=evil.txt::pwned }}\n{a|b}\n")
        scratch.write("x\n::error::y.txt", "%s\n")
        let out = chaff(["check", "--format", "github", scratch.root], in: scratch.root).out
        #expect(
            out == """
                ::warning file=inject.txt,line=1,endLine=1,col=1,endColumn=39,title=chaff%3A A template expression such as {{ name }}%2C {%25 if %25}%2C <%25= name %25>%2C {count%2C plural%2C …} or ${name} was published unrendered::Unrendered template expression '{{ x%250A::error file=evil.txt::pwned }}'; fill it in or remove it [placeholder-template-expression]
                ::warning file=inject.txt,line=2,endLine=2,col=1,endColumn=6,title=chaff%3A Unspun spintax such as {best|top|finest} was published as it is::Unspun spintax '{a|b}'; choose one alternative [placeholder-spintax]
                ::warning file=x%0A%3A%3Aerror%3A%3Ay.txt,line=1,endLine=1,col=1,endColumn=3,title=chaff%3A A printf-style format specifier such as %25s%2C %25d%2C %251$s%2C %25(name)s or %25@ appears in prose::Format specifier '%25s' in prose; the value was never filled in [placeholder-printf-specifier]

                """)
        let lines = out.split(separator: "\n")
        #expect(lines.count == 3)
        #expect(lines.allSatisfy { $0.hasPrefix("::warning file=") })
    }

    /// A lone CR in a name is escaped too: the runner, and terminals, treat it as a line end.
    @Test func carriageReturnInANameCannotSplitALine() {
        let scratch = Scratch()
        scratch.write("a\rb.txt", "%s\n")
        #expect(
            chaff(["check", "--format", "github", scratch.root], in: scratch.root).out
                == "::warning file=a%0Db.txt,line=1,endLine=1,col=1,endColumn=3,title=chaff%3A A printf-style format specifier such as %25s%2C %25d%2C %251$s%2C %25(name)s or %25@ appears in prose::Format specifier '%25s' in prose; the value was never filled in [placeholder-printf-specifier]\n"
        )
        #expect(
            chaff(["check", scratch.root], in: scratch.root).out
                == "a\\x0db.txt:1:1: warning: Format specifier '%s' in prose; the value was never filled in [placeholder-printf-specifier]\n"
        )
    }
}
