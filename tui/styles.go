package tui

import (
	tea "charm.land/bubbletea/v2"
	"charm.land/lipgloss/v2"
	"github.com/charmbracelet/colorprofile"
)

// styles are built for the terminal's background (light or dark) and its
// colour profile, and rebuilt when the terminal reports either.
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

// newStyles builds the styles for a dark or light background and profile
// p. Every colour is chosen for each profile rather than left to the
// nearest palette colour, which is often unreadable in 16 colours (blue on
// black, cyan or grey on white):
//
//   - true colour and 256 colours reach 4.5:1 on white (light) or on
//     black (dark);
//   - 16 colours reach 4.5:1 with both xterm's default palette and the
//     Linux console's. Where no ANSI colour does (grey and green on white)
//     the text keeps the terminal's own foreground, bold where the role is;
//     warnings on white are magenta, as dark yellow is too pale in xterm.
//     Body text on a dark background keeps the terminal's foreground too,
//     so that it still reads if the terminal never said which background
//     it has;
//   - with NO_COLOR, or no terminal, there is no colour at all; bold stays.
func newStyles(isDark bool, p colorprofile.Profile) styles {
	pick := lipgloss.LightDark(isDark)
	per := lipgloss.Complete(p) // (16 colours, 256 colours, true colour)
	own := lipgloss.NoColor{}   // the terminal's own foreground
	c := lipgloss.Color
	fg := pick(
		per(lipgloss.Black, c("235"), c("#1f2328")),
		per(own, c("255"), c("#e6edf3")))
	dim := pick(
		per(own, c("241"), c("#57606a")),
		per(lipgloss.White, c("246"), c("#8b949e")))
	accent := pick(
		per(lipgloss.Blue, c("26"), c("#0969da")),
		per(lipgloss.BrightCyan, c("75"), c("#58a6ff")))
	warn := pick(
		per(lipgloss.Magenta, c("94"), c("#9a6700")),
		per(lipgloss.BrightYellow, c("178"), c("#d29922")))
	danger := pick(
		per(lipgloss.Red, c("160"), c("#cf222e")),
		per(lipgloss.BrightRed, c("210"), c("#ff7b72")))
	ok := pick(
		per(own, c("28"), c("#1a7f37")),
		per(lipgloss.BrightGreen, c("71"), c("#3fb950")))
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

// look is what the styles are built for: the terminal's background (dark
// or light) and how many colours it shows. Bubble Tea reports both when
// the program starts; until then the styles are for a dark true-colour
// terminal.
type look struct {
	dark    bool
	profile colorprofile.Profile
}

func defaultLook() look { return look{dark: true, profile: colorprofile.TrueColor} }

// notice takes in a report of the terminal's background or colour
// profile; other messages change nothing.
func (l *look) notice(msg tea.Msg) {
	switch msg := msg.(type) {
	case tea.BackgroundColorMsg:
		l.dark = msg.IsDark()
	case tea.ColorProfileMsg:
		l.profile = msg.Profile
	}
}

func (l look) styles() styles { return newStyles(l.dark, l.profile) }
