package tui

import (
	"charm.land/lipgloss/v2"
)

// styles are built once per background (light or dark) and rebuilt when
// the terminal reports its background colour.
type styles struct {
	title, subtle, accent, warn, danger, ok lipgloss.Style
	digits, digitsFrozen, digitsLast        lipgloss.Style
	banner, bannerText                      lipgloss.Style
	zoneLit, zoneDim                        lipgloss.Style
	stopBox, easeBox, box                   lipgloss.Style
	barFull, barEmpty                       lipgloss.Style
	locked, selected                        lipgloss.Style
	help                                    lipgloss.Style
}

func newStyles(isDark bool) styles {
	pick := lipgloss.LightDark(isDark)
	fg := pick(lipgloss.Color("#1f2328"), lipgloss.Color("#e6edf3"))
	dim := pick(lipgloss.Color("#57606a"), lipgloss.Color("#8b949e"))
	accent := pick(lipgloss.Color("#0969da"), lipgloss.Color("#58a6ff"))
	warn := pick(lipgloss.Color("#9a6700"), lipgloss.Color("#d29922"))
	danger := pick(lipgloss.Color("#cf222e"), lipgloss.Color("#ff7b72"))
	ok := pick(lipgloss.Color("#1a7f37"), lipgloss.Color("#3fb950"))
	base := lipgloss.NewStyle()
	return styles{
		title:        base.Bold(true).Foreground(fg),
		subtle:       base.Foreground(dim),
		accent:       base.Foreground(accent).Bold(true),
		warn:         base.Foreground(warn).Bold(true),
		danger:       base.Foreground(danger).Bold(true),
		ok:           base.Foreground(ok).Bold(true),
		digits:       base.Foreground(accent),
		digitsFrozen: base.Foreground(warn),
		digitsLast:   base.Foreground(danger),
		banner:       base.Foreground(accent),
		bannerText:   base.Foreground(accent).Bold(true).Reverse(true),
		zoneLit:      base.Foreground(accent),
		zoneDim:      base.Foreground(dim),
		stopBox:      base.Border(lipgloss.ThickBorder()).BorderForeground(danger).Padding(0, 2),
		easeBox:      base.Border(lipgloss.RoundedBorder()).BorderForeground(warn).Padding(0, 2),
		box:          base.Border(lipgloss.RoundedBorder()).BorderForeground(dim).Padding(0, 1),
		barFull:      base.Foreground(accent),
		barEmpty:     base.Foreground(dim),
		locked:       base.Foreground(dim),
		selected:     base.Foreground(accent).Bold(true),
		help:         base.Foreground(dim),
	}
}
