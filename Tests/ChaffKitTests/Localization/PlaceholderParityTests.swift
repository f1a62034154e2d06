import Testing

@testable import ChaffEngine

@Suite struct PlaceholderParityTests {
    private func problems(
        _ source: String, _ translation: String, declared: PlaceholderSyntaxes = [], excluded: PlaceholderSyntaxes = [],
        missingAllowed: Bool = false
    ) -> [String] {
        let pair = TranslationPair(
            source: plainText(source), translation: plainText(translation, at: 1000), declared: declared, excluded: excluded)
        return PlaceholderParity.mismatches(pair, missingAllowed: missingAllowed).map { mismatch in
            let at = mismatch.range.map { "\($0.lowerBound)" } ?? "all"
            return "\(mismatch.problem.rawValue)@\(at) \(mismatch.placeholder) \(mismatch.expected) \(mismatch.fix ?? "-")"
        }
    }

    @Test func printfMissingExtraChanged() {
        #expect(problems("%d of %s", "%d", declared: .printf) == ["missing@all %s %s -"])
        #expect(problems("%s", "%s %s", declared: .printf) == ["extra@3 %s  -"])
        #expect(problems("%d items", "%s 项", declared: .printf) == ["changed@0 %s %d %d"])
        #expect(problems("%ld bytes", "%d 字节", declared: .printf) == ["changed@0 %d %ld %ld"])
        // %i is %d; flags and width do not change the argument.
        #expect(problems("%i and %-5s", "%d 和 %5s", declared: .printf).isEmpty)
        #expect(problems("100%% of %s", "%s 的 100%%", declared: .printf).isEmpty)
    }

    @Test func positionalDirectivesNameTheSequentialArguments() {
        #expect(problems("%s has %d", "%2$d 属于 %1$s", declared: .printf).isEmpty)
        #expect(problems("%s has %d", "%2$s 属于 %1$s", declared: .printf) == ["changed@0 %2$s %d -"])
        #expect(problems("%1$s %2$@", "%2$@ %1$s", declared: .printf).isEmpty)
        #expect(problems("%s has %d", "%1$s", declared: .printf) == ["missing@all %d %d -"])
    }

    @Test func reorderedSequentialDirectives() {
        #expect(problems("%s has %d items", "%d 项 %s", declared: .printf) == ["reordered@0 %d %s %s %d -"])
    }

    @Test func pythonNamedAndBraceFields() {
        #expect(problems("%(name)s has %(n)d", "%(n)d %(name)s", declared: [.printf, .pythonNamed]).isEmpty)
        #expect(
            problems("%(name)s", "%(nom)s", declared: [.printf, .pythonNamed]) == ["missing@all %(name)s %(name)s -", "extra@0 %(nom)s  -"])
        #expect(problems("%(n)d", "%(n)s", declared: [.printf, .pythonNamed]) == ["changed@0 %(n)s %(n)d %(n)d"])
        #expect(problems("{count} of {total}", "{total} 中的 {count}", declared: .brace).isEmpty)
        #expect(problems("{count} of {total:>5}", "{count}", declared: .brace) == ["missing@all {total:>5} {total:>5} -"])
        #expect(problems("{} and {}", "{} 和 {} 和 {}", declared: .brace) == ["extra@14 {}  -"])
        // In a declared brace format a translated name is a field Python looks up (and raises);
        // undeclared, it is a slot the prose placeholder rules see.
        #expect(problems("{name}", "{名字}", declared: .brace) == ["missing@all {name} {name} -", "extra@0 {名字}  -"])
        #expect(problems("{name}", "{名字}") == ["missing@all {name} {name} -"])
        #expect(problems("{{literal}} {x}", "{{字面}} {x}", declared: .brace).isEmpty)
        // A stray brace in a declared brace format makes str.format raise.
        #expect(problems("({price})", "({price}})", declared: .brace) == ["extra@8 }  -"])
        #expect(problems("{a} {b}", "{a} {b", declared: .brace) == ["missing@all {b} {b} -", "extra@4 {  -"])
    }

    @Test func pluralFormulas() throws {
        let english = try #require(PluralFormula(header: "nplurals=2; plural=(n != 1);"))
        #expect(english.singleNumberForms(count: 2) == [true, false])
        let serbian = try #require(
            PluralFormula(
                header: "nplurals=3; plural=(n%10==1 && n%100!=11 ? 0 : n%10>=2 && n%10<=4 && (n%100<10 || n%100>=20) ? 1 : 2);"))
        #expect(serbian.singleNumberForms(count: 3) == [false, false, false])
        #expect(serbian.form(for: 21) == 0 && serbian.form(for: 3) == 1 && serbian.form(for: 11) == 2)
        let arabic = try #require(
            PluralFormula(
                header:
                    "nplurals=6; plural=n==0 ? 0 : n==1 ? 1 : n==2 ? 2 : n%100>=3 && n%100<=10 ? 3 : n%100>=11 && n%100<=99 ? 4 : 5;"))
        #expect(arabic.singleNumberForms(count: 6) == [true, true, true, false, false, false])
        #expect(try #require(PluralFormula(header: "nplurals=1; plural=0;")).singleNumberForms(count: 1) == [false])
        #expect(PluralFormula(header: "nplurals=2; plural=(n != ;") == nil)
        #expect(PluralFormula(header: "nplurals=2; plural=n/0;")?.form(for: 3) == nil)
    }

    @Test func templateExpressions() {
        // i18next and Angular `{{ }}`, Horizon's `{$ $}`: compared by their expression.
        #expect(problems("Hello {{name}}", "你好 {{ name }}").isEmpty)
        #expect(
            problems("Max {$schema.maxItems$}", "最多 {$schema.minItems$}") == [
                "missing@all {$schema.maxItems$} {$schema.maxItems$} -", "extra@7 {$schema.minItems$}  -",
            ])
        // Declared python-brace-format: `{{` is a literal brace, not a template.
        #expect(problems("{{x}} {n}", "{{y}} {n}", declared: .brace).isEmpty)
    }

    @Test func undeclaredEntriesCompareOnlyWhatTheSourceUses() {
        // No flag: printf counts because one string has a directive; `100%` is prose.
        #expect(problems("Open %s", "打开", declared: []) == ["missing@all %s %s -"])
        #expect(problems("Done", "完成 100% 的", declared: []).isEmpty)
        #expect(problems("Remove your address.", "删除地址 (%(email)s)。", declared: []) == ["extra@14 %(email)s  -"])
        // `% d` is a directive only where printf is declared.
        #expect(problems("50% done", "50% dalam", declared: []).isEmpty)
        // no-c-format turns printf off.
        #expect(problems("Open %s", "打开", declared: [], excluded: .printf).isEmpty)
        // A declared syntax with a source without directives still catches an extra one.
        #expect(problems("Done", "完成 %s", declared: .printf) == ["extra@7 %s  -"])
    }

    @Test func singleNumberPluralFormsMayDropTheCount() {
        #expect(problems("%(n)d file", "eine Datei", declared: [.printf, .pythonNamed], missingAllowed: true).isEmpty)
        #expect(problems("{n} file", "eine Datei", declared: .brace, missingAllowed: true).isEmpty)
        // An unnamed directive still takes its argument: it may not be dropped.
        #expect(problems("%d file", "eine Datei", declared: .printf, missingAllowed: true) == ["missing@all %d %d -"])
        #expect(problems("%d file", "%s Datei", declared: .printf, missingAllowed: true) == ["changed@0 %s %d %d"])
    }
}

@Suite struct CataloguePlaceholderSyntaxTests {
    private func problems(_ source: String, _ translation: String) -> [String] {
        var pair = TranslationPair(source: plainText(source), translation: plainText(translation, at: 1000))
        pair.undeclared = I18nJSONReader.syntaxes
        return PlaceholderParity.mismatches(pair).map { mismatch in
            let at = mismatch.range.map { "\($0.lowerBound)" } ?? "all"
            return "\(mismatch.problem.rawValue)@\(at) \(mismatch.placeholder) \(mismatch.expected)"
        }
    }

    @Test func icuArgumentsByNameAndType() {
        #expect(problems("{count, plural, one {# item} other {# items}}", "{count, plural, other {# 项}}").isEmpty)
        #expect(problems("{count, plural, other {{count} items}}", "{count, plural, other {{count} 项}}").isEmpty)
        #expect(problems("{n, number} of {total}", "{total} 中的 {n}") == ["changed@15 {n} {n, number}"])
        #expect(
            problems("{gender, select, female {She} other {They}}", "{sex, select, other {他们}}") == [
                "missing@all {gender, select {gender, select", "extra@0 {sex, select ",
            ])
        // Branch contents are messages of their own.
        #expect(problems("{count, plural, other {# by {owner}}}", "{count, plural, other {# 个}}") == ["missing@all {owner} {owner}"])
        // Quoted braces are literal; an apostrophe elsewhere is text.
        #expect(problems("'{name}' isn't {name}", "'{name}' 不是 {name}").isEmpty)
        #expect(problems("It's {a}", "{b}") == ["missing@all {a} {a}", "extra@0 {b} "])
    }

    @Test func i18nextTemplatesAndNesting() {
        #expect(problems("Hi {{name}}, see $t(common.more)", "{{name}}，见 $t(common.more)").isEmpty)
        // A nested string written out is harmless; a key the source does not nest may not exist.
        #expect(problems("$t(a.b, {\"count\": 2}) left", "剩余 $t(a.c)") == ["extra@7 $t(a.c) "])
        #expect(problems("Clear $t(run_one)", "Lauf leeren").isEmpty)
        #expect(problems("{{count}} items", "{{ count }} 项").isEmpty)
    }

    @Test func icuScannerSyntaxRangesLeaveBranchTextAsProse() {
        let text = Array("{n, plural, =0 {none} other {# of {m}}} left".utf8)
        let scan = ICUMessageScanner.scan(text, skipTemplates: false)
        #expect(scan.arguments.map { "\($0.key ?? "-"):\($0.conversion)" } == ["n:plural", "m:"])
        let syntax = scan.syntax.map { String(decoding: text[$0], as: UTF8.self) }
        #expect(syntax == ["{n, plural,", "=0 {", "}", "other {", "{m}", "}", "}"])
        #expect(scan.extents == [0..<39])
        // An unbalanced plural is a literal brace before what follows; unknown forms are not arguments.
        #expect(ICUMessageScanner.scan(Array("{n, plural, other {x}".utf8), skipTemplates: false).arguments.map(\.key) == ["x"])
        #expect(ICUMessageScanner.scan(Array("{名字} {}".utf8), skipTemplates: false).arguments.isEmpty)
    }
}
