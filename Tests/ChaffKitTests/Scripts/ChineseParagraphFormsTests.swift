import Testing

@testable import ChaffKinds

/// `ChineseParagraphForms` gives back the ranges of the paragraphs it was told of, read again
/// from the text: whole paragraphs, and the runs of a paragraph judged by its runs of lines.
@Suite struct ChineseParagraphFormsTests {
    @Test func readsTheRecordedParagraphsAndRunsAgain() {
        let parts = ["国这", "\n\n", "日本語のテキスト", "\n", "中文行", "\n\n", "國這", "\n\n", "hello", "\n"]
        var offsets = [0]
        for part in parts { offsets.append(offsets.last! + part.utf8.count) }
        // Paragraphs: 国这 (0), 日本語のテキスト + 中文行 (2...4), 國這 (6), hello (8).
        let first = offsets[0]..<offsets[1]
        let japanese = offsets[2]..<offsets[3]
        let chineseRun = offsets[4]..<offsets[5]
        let traditional = offsets[6]..<offsets[7]
        var forms = ChineseParagraphForms()
        forms.add(forms: 1)
        forms.addSplit([(japanese, nil), (chineseRun, 1)])
        forms.add(forms: 2)
        forms.add(forms: nil)
        Array(parts.joined().utf8).withUnsafeBufferPointer { text in
            #expect(forms.ranges(in: text) { _ in true } == [first, chineseRun, traditional])
            #expect(forms.ranges(in: text) { $0 & 2 != 0 } == [traditional])
            #expect(forms.ranges(in: text) { $0 & 1 != 0 } == [first, chineseRun])
            #expect(forms.ranges(in: text) { $0 == 0 } == [])
        }
    }
}
