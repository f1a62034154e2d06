import ChaffText

/// `chaff lsp`: a language server on standard input and output.
enum LSPCommand {
    /// `chaff lsp`.
    static let spec = CommandSpec(
        name: "lsp", usage: "chaff lsp [--stdio]",
        summary: """
            Runs a Language Server Protocol 3.17 server on standard input and output, so an
            editor shows chaff's findings as you type, offers their fixes and explains their
            rules. Each document gets the rules of its nearest .chaff.json, as with 'chaff
            check'. See docs/editors.md for the set-up of each editor.
            """,
        options: [OptionSpec("--stdio", help: "talk over standard input and output (the default and only transport)")])

    static func run(_ arguments: [String], console: Console) -> Int32 {
        switch CommandEntry.parse(arguments, for: spec, console: console) {
        case .run(let parsed):
            if let extra = parsed.positionals.first {
                console.writeError("chaff: error: 'chaff lsp' takes no arguments, found '\(TerminalSafe.escape(extra))'\n")
                return 2
            }
        case .exit(let status): return status
        }
        return LanguageServer(input: 0, output: 1).run()
    }
}
