package tui

import (
	"unicode/utf8"

	"github.com/charmbracelet/x/ansi"
)

// cellWidth is the number of terminal cells s takes. Full grapheme width
// measurement is the costliest part of a redraw, so the common case (ASCII,
// box drawing, blocks and a few punctuation marks, with colour escapes) is
// counted directly, and anything else falls back to ansi.StringWidth.
func cellWidth(s string) int {
	w := 0
	for i := 0; i < len(s); {
		c := s[i]
		switch {
		case c == 0x1b:
			// Skip a CSI sequence: ESC [ params final.
			if i+1 < len(s) && s[i+1] == '[' {
				j := i + 2
				for j < len(s) && (s[j] < 0x40 || s[j] > 0x7e) {
					j++
				}
				i = j + 1
				continue
			}
			return ansi.StringWidth(s)
		case c < 0x80:
			if c >= 0x20 {
				w++
			}
			i++
		default:
			r, size := utf8.DecodeRuneInString(s[i:])
			if !narrow(r) {
				return ansi.StringWidth(s)
			}
			w++
			i += size
		}
	}
	return w
}

// narrow reports the non-ASCII runes knead draws that take one cell.
func narrow(r rune) bool {
	switch {
	case r >= 0x2500 && r <= 0x259f: // box drawing, blocks, shades
		return true
	case r >= 0x2010 && r <= 0x2027: // dashes, quotes, bullets, ellipsis
		return true
	case r >= 0x00a0 && r <= 0x024f: // Latin-1 and Latin Extended letters
		return true
	}
	switch r {
	case '●', '○', '→', '←', '↑', '↓', '×':
		return true
	}
	return false
}
