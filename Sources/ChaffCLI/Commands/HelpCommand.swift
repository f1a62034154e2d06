import ChaffText

/// `chaff help [COMMAND]`.
enum HelpCommand {
    static func run(_ arguments: [String], console: Console) -> Int32 {
        guard let topic = arguments.first else {
            console.writeOut(HelpText.overview)
            return 0
        }
        guard let text = HelpText.command(topic) else {
            let hint =
                Suggestion.didYouMean(topic, in: HelpText.commandNames) ?? "; commands: \(HelpText.commandNames.joined(separator: ", "))"
            console.writeError("chaff: error: no help for '\(TerminalSafe.escape(topic))'\(hint)\n")
            return 2
        }
        console.writeOut(text)
        return 0
    }
}
