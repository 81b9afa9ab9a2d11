package routines

import (
	"strings"
	"unicode"
)

// Clean returns text from a routine file made safe to show on a terminal:
// escape sequences (cursor moves, colours, OSC 52 clipboard writes, ...) are
// removed whole, other control characters are dropped, and runs of white
// space become one space. A routine file is untrusted input; nothing in it
// may reach the terminal as a command.
func Clean(s string) string {
	var b strings.Builder
	runes := []rune(s)
	for i := 0; i < len(runes); i++ {
		r := runes[i]
		switch {
		case r == 0x1b: // ESC: skip the whole sequence it introduces.
			i = skipEscape(runes, i+1)
		case r == 0x9b: // C1 CSI
			i = skipCSI(runes, i+1)
		case r == 0x90 || r == 0x9d || r == 0x98 || r == 0x9e || r == 0x9f: // C1 DCS, OSC, SOS, PM, APC
			i = skipString(runes, i+1)
		case unicode.IsSpace(r):
			b.WriteRune(' ')
		case unicode.IsControl(r), r == unicode.ReplacementChar:
			// dropped
		case unicode.In(r, unicode.Cf) && r != 0x200d: // bidi overrides and other invisible format characters
			// dropped; the zero-width joiner stays for emoji sequences
		default:
			b.WriteRune(r)
		}
	}
	return strings.Join(strings.Fields(b.String()), " ")
}

// skipEscape returns the index of the last rune of the escape sequence whose
// introducer ESC stood just before i.
func skipEscape(runes []rune, i int) int {
	if i >= len(runes) {
		return i - 1
	}
	switch runes[i] {
	case '[':
		return skipCSI(runes, i+1)
	case ']', 'P', 'X', '^', '_':
		return skipString(runes, i+1)
	}
	// A two-character sequence such as ESC c (reset) or ESC 7.
	return i
}

// skipCSI skips parameters and intermediates up to the final byte.
func skipCSI(runes []rune, i int) int {
	for ; i < len(runes); i++ {
		if runes[i] >= 0x40 && runes[i] <= 0x7e {
			return i
		}
	}
	return len(runes) - 1
}

// skipString skips a control string up to its terminator: BEL, ST (ESC \)
// or C1 ST.
func skipString(runes []rune, i int) int {
	for ; i < len(runes); i++ {
		switch runes[i] {
		case 0x07, 0x9c:
			return i
		case 0x1b:
			if i+1 < len(runes) && runes[i+1] == '\\' {
				return i + 1
			}
			return i
		}
	}
	return len(runes) - 1
}

// Excerpt is Clean cut to at most n characters, with an ellipsis when cut:
// for quoting a bad value back in an error message, however long it was.
func Excerpt(s string, n int) string {
	r := []rune(Clean(s))
	if len(r) <= n {
		return string(r)
	}
	return string(r[:max(n-1, 0)]) + "…"
}
