/// `chaff help [COMMAND]`.
enum HelpCommand {
    static func run(_ arguments: [String], console: Console) -> Int32 {
        guard let topic = arguments.first else {
            console.writeOut(HelpText.overview)
            return 0
        }
        guard let text = HelpText.command(topic) else {
            console.writeError("chaff: error: no help for '\(topic)'; commands: check, rules, rule, test-rules, help\n")
            return 2
        }
        console.writeOut(text)
        return 0
    }
}
