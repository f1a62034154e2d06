import ChaffCore

/// The help texts. Kept beside each other so they read as one manual.
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
          chaff help [COMMAND]            help for a command
          chaff --version

        Exit status: 0 no finding at or above --fail-on; 1 there is one;
        2 usage, config, rule-file or I/O error (after every readable file was reported).

        Run 'chaff help check' for the options.

        """

    static func command(_ name: String) -> String? {
        switch name {
        case "check": return check
        case "rules": return "Usage: chaff rules [--rules DIR] [--no-default-rules] [--all]\n\nLists every rule: id, severity, kind and summary. Rules that are off by default are marked.\n"
        case "rule": return "Usage: chaff rule ID [--rules DIR]\n\nExplains one rule: summary, description, and its examples (↓ marks each finding).\n"
        case "test-rules": return "Usage: chaff test-rules [DIR…]\n\nRuns each rule's examples: an invalid example must give exactly the findings its ↓ marks show, a valid one none. Without DIR, tests the built-in rules. Exit 0 when all pass, 1 when one fails, 2 when a rule file has an error.\n"
        case "help": return overview
        default: return nil
        }
    }

    static let check = """
        Usage: chaff check [OPTIONS] [PATH…]

        Lints files. Directories are walked recursively in sorted order; hidden entries (.git,
        .cache, …) and directory symlinks are skipped; files that look binary are skipped with a
        note. Files in UTF-16, UTF-32, GB18030/GBK or Big5 are decoded and reported with positions
        in their own bytes. '-' reads standard input.

        Options:
          -f, --format FORMAT      compiler (default), sarif, github, json, rdjsonl, gitlab
          -o, --output FILE        write the report to FILE (atomically) instead of stdout
          --rules DIR              load rule files from DIR (repeatable); an id that exists
                                   built in replaces the built-in rule
          --no-default-rules       do not load the built-in rules
          --select ID[,ID…]        run only these rules; a prefix selects a family
                                   ('placeholder' = placeholder-*); selecting a rule that is
                                   off by default turns it on (repeatable)
          --ignore ID[,ID…]        do not run these rules or families (repeatable)
          --fail-on LEVEL          error, warning (default), note or never: the lowest
                                   severity that makes chaff exit 1
          --config FILE            read this config instead of the nearest .chaff.json
          --no-config              read no config file
          --column-unit UNIT       utf8, utf16, scalar or display (see below)
          --stdin-filename NAME    the name to report for '-' (also picks the format)
          -j, --jobs N             files linted in parallel (default: number of cores)
          --regex-timeout SECONDS  time for regular expressions per file (default 5)
          --color WHEN             auto (default: only on a terminal, never with NO_COLOR),
                                   always, never
          --fix                    rewrite files to apply the fixes rules offer (atomically,
                                   keeping permissions; files needing no change are not
                                   touched); the remaining findings are reported
          --baseline FILE          do not report findings accepted in FILE
          --write-baseline FILE    write every current finding to FILE and exit 0
          -q, --quiet              no notes on stderr

        Columns are 1-based. Default unit per format: compiler and json count Unicode scalars;
        sarif and github count UTF-16 code units (sarif says so in run.columnKind and accepts
        only utf16 or scalar). Vim's %c wants utf8, VS Code utf16, Emacs display.

        """
}
