package tui

import (
	"testing"

	"github.com/charmbracelet/x/ansi"
)

func TestCellWidthAgreesWithAnsi(t *testing.T) {
	t.Parallel()
	for _, s := range []string{
		"", "plain", "\x1b[1mbold\x1b[0m", "█ ░ ┃ ╭─╮ · – — ● ○ →", "café naïve", "日本語", "emoji 👩‍⚕️", "\x1b]8;;x\x1b\\link", "tab\tx",
	} {
		if got, want := cellWidth(s), ansi.StringWidth(s); got != want {
			t.Errorf("cellWidth(%q) = %d, ansi says %d", s, got, want)
		}
	}
}
