/// Header field folding (RFC 5322 §2.2.3): lines of at most 78 characters, broken at white space.
enum HeaderLine {
    /// `Name: value`, folded before white space so that lines stay within 78 characters.
    static func fold(_ name: String, _ value: String) -> String {
        let words = value.split(separator: " ", omittingEmptySubsequences: true)
        var lines: [String] = []
        var current = name + ":"
        for word in words {
            if current.count + 1 + word.count > 78 && current.count > name.count + 1 {
                lines.append(current)
                current = " " + word
            } else {
                current += " " + word
            }
        }
        lines.append(current)
        return lines.joined(separator: "\r\n")
    }
}
