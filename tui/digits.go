package tui

import (
	"fmt"
	"strings"
	"time"
)

// bigFont draws digits (and the word STOP) five rows high so that the countdown can be read
// from a mat two metres away.
var bigFont = map[rune][5]string{
	'0': {"█████", "█   █", "█   █", "█   █", "█████"},
	'1': {"  ██ ", "   █ ", "   █ ", "   █ ", "  ███"},
	'2': {"█████", "    █", "█████", "█    ", "█████"},
	'3': {"█████", "    █", " ████", "    █", "█████"},
	'4': {"█   █", "█   █", "█████", "    █", "    █"},
	'5': {"█████", "█    ", "█████", "    █", "█████"},
	'6': {"█████", "█    ", "█████", "█   █", "█████"},
	'7': {"█████", "    █", "   █ ", "  █  ", "  █  "},
	'8': {"█████", "█   █", "█████", "█   █", "█████"},
	'9': {"█████", "█   █", "█████", "    █", "█████"},
	':': {"   ", " █ ", "   ", " █ ", "   "},
	'S': {"█████", "█    ", "█████", "    █", "█████"},
	'T': {"█████", "  █  ", "  █  ", "  █  ", "  █  "},
	'O': {"█████", "█   █", "█   █", "█   █", "█████"},
	'P': {"█████", "█   █", "█████", "█    ", "█    "},
}

// bigText renders s (digits and colons) in the big font, one space between
// glyphs.
func bigText(s string) string {
	var rows [5]strings.Builder
	for i, r := range s {
		g, ok := bigFont[r]
		if !ok {
			continue
		}
		for row := range rows {
			if i > 0 {
				rows[row].WriteByte(' ')
			}
			rows[row].WriteString(g[row])
		}
	}
	out := make([]string, len(rows))
	for i := range rows {
		out[i] = rows[i].String()
	}
	return strings.Join(out, "\n")
}

// clock formats a remaining time as M:SS, rounding up so that 0:00 shows only
// when the time is really over.
func clock(d time.Duration) string {
	if d < 0 {
		d = 0
	}
	secs := int((d + time.Second - 1) / time.Second)
	return fmt.Sprintf("%d:%02d", secs/60, secs%60)
}
