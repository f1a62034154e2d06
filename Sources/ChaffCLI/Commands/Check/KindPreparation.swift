import ChaffEngine
import ChaffRunner
import Foundation

/// Builds the kinds of the primary config's active rules on a thread of their own while the
/// inputs are walked and read, when the run may use more than one thread.
///
/// A built-in rule's kind is built on first use (`RuleKindBox`); the claim rule's compiles some
/// 1,700 phrases, about half of the instructions of a run over one small file, and a worker
/// that reached it first built it while the others waited for it. Built beside the walk, it
/// is ready when linting starts. With `-j 1` nothing is started: one thread was asked for.
final class KindPreparation: @unchecked Sendable {
    private let done = DispatchSemaphore(value: 0)

    /// Starts building the kinds of `plan`'s primary context, or returns nil when the run
    /// lints on one thread or has no context.
    static func start(_ plan: CheckPlan) -> KindPreparation? {
        guard max(1, plan.options.jobs ?? ProcessInfoCores.count) > 1, let context = plan.tree.contexts.first else { return nil }
        // The tree grows during the walk: the thread gets its own copy of the first context.
        let options = plan.options
        let rules = Self.rules(of: context, options: options)
        guard !rules.isEmpty else { return nil }
        let preparation = KindPreparation()
        let thread = Thread {
            for rule in rules { _ = rule.implementation }
            preparation.done.signal()
        }
        thread.start()
        return preparation
    }

    /// The rules whose kinds are built: those `CheckLinters.make` makes active for the
    /// context (none when the selection is in error, which that reports).
    static func rules(of context: ConfigTree.Context, options: CheckOptions) -> [Rule] {
        ((try? CheckLinters.activeRules(of: context, options: options)) ?? []).map(\.rule)
    }

    /// Waits until every kind is built: before the process exits, so that no thread is left
    /// building while it ends.
    func wait() {
        done.wait()
        done.signal()
    }
}
