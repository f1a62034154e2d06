import ChaffEngine
import ChaffRunner
import ChaffText

/// The rules of a `chaff check` run: a linter per config met, the rules the report lists, and
/// the cache with each input's settings digest.
struct CheckLinters {
    /// One per context of the config tree, in its order.
    var linters: [Linter]
    /// One config: its rules in their order; several: every rule that ran under any, by id.
    var active: [ActiveRule]
    /// The opened cache, when `--cache` was given and could be opened.
    var cache: ResultCache?

    /// The linters of `plan`'s configs; sets each input's cache settings when the cache opens
    /// (a cache that cannot be opened is a problem, and the files are linted without it). A
    /// selection that cannot be made stops the run.
    static func make(_ plan: CheckPlan, inputs: inout CheckInputs) throws(CheckExit) -> CheckLinters {
        let options = plan.options
        var linters: [Linter] = []
        var allActive: [ActiveRule] = []
        for context in plan.tree.contexts {
            let active: [ActiveRule]
            do {
                active = try activeRules(of: context, options: options)
            } catch {
                plan.console.writeError("chaff: error: \(error.message)\n")
                throw CheckExit(status: 2)
            }
            linters.append(
                Linter(
                    rules: active, columnUnit: plan.unit, regexSeconds: options.regexSeconds, knownRuleIDs: context.rules.rules.map(\.id)))
            for rule in active where !allActive.contains(where: { $0.rule.id == rule.rule.id }) { allActive.append(rule) }
        }
        var cache: ResultCache?
        if let directory = options.cache, let opening = plan.cacheOpening {
            switch opening.wait() {
            case .success(let opened):
                cache = opened
                opened.ruleIDs = allActive.map(\.rule.id)
                setCacheSettings(&inputs.inputs, linters: linters, tree: plan.tree)
            case .failure(let error):
                inputs.problems.append("\(TerminalSafe.escape(directory)): error: cannot use the cache directory: \(error.reason)")
            }
        }
        let active = plan.tree.contexts.count == 1 ? allActive : allActive.sorted { $0.rule.id < $1.rule.id }
        return CheckLinters(linters: linters, active: active, cache: cache)
    }

    /// The rules `context` makes active under `options` (the command line's selection over the
    /// config's); `KindPreparation` asks the same of the primary context before the walk.
    static func activeRules(of context: ConfigTree.Context, options: CheckOptions) throws(ArgumentParser.UsageError) -> [ActiveRule] {
        try RuleSelection.active(
            context.rules, select: options.select.isEmpty ? context.config.select : options.select,
            ignore: context.config.ignore + options.ignore, severities: context.config.severities, strict: false)
    }

    /// Gives each input the digest of how it is linted (`CacheSettings`), made once per
    /// linter and format.
    private static func setCacheSettings(_ inputs: inout [LintInput], linters: [Linter], tree: ConfigTree) {
        var digests: [String: UInt64] = [:]
        for index in inputs.indices {
            let input = inputs[index]
            let name = "\(input.linter)\u{0}\(input.format)"
            if digests[name] == nil {
                digests[name] = CacheSettings.digest(
                    linter: linters[input.linter], format: input.format, configSource: tree.contexts[input.linter].config.source)
            }
            inputs[index].cacheSettings = digests[name]
        }
    }
}
