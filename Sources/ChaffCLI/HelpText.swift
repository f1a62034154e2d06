/// The help texts. Each command's help is made from its `CommandSpec`, the same declaration its
/// parser reads; the overview is kept here so it reads as one manual.
enum HelpText {
    static let overview = """
        chaff \(ChaffVersion.current): a content-quality linter for Chinese and English text.

        Usage:
          chaff check [OPTIONS] [PATH…]   lint files and directories (default: .); '-' is stdin
          chaff [OPTIONS] PATH…           the same
          chaff fix [OPTIONS] [PATH…]     the same as 'chaff check --fix'
          chaff rules                     list the rules (id, severity, summary)
          chaff rule ID                   explain one rule, with its examples
          chaff test-rules [DIR…]         run the examples of the built-in rules or of DIR's rules
          chaff lsp                       a language server for editors (see docs/editors.md)
          chaff cache clean [DIR]         remove the cache of findings kept by --cache
          chaff stream [INPUT]            tag JSON Lines documents for corpus pipelines
          chaff help [COMMAND]            help for a command ('chaff COMMAND --help' too)
          chaff --version

        Exit status: 0 no finding at or above --fail-on; 1 there is one;
        2 usage, config or rule-file error (then nothing is linted), or a file that could not be
        read or written (the other files are still linted and reported).

        Run 'chaff help check' for the options.

        """

    /// Every command, in the overview's order.
    static let specs: [CommandSpec] = [
        CheckOptions.spec, CheckOptions.fixSpec, RulesCommand.spec, RuleCommand.spec, TestRulesCommand.spec, LSPCommand.spec,
        CacheCommand.spec, StreamCommand.spec,
    ]

    /// The names `chaff help` knows.
    static let commandNames = specs.map(\.name) + ["help"]

    /// The help for `name`, or `nil` for no such command.
    static func command(_ name: String) -> String? {
        if name == "help" { return overview }
        return specs.first { $0.name == name }?.helpText
    }
}
