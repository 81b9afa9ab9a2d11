package tui

import (
	"time"

	tea "charm.land/bubbletea/v2"
)

// bellGap is the time between the bells of a pattern: far enough apart to
// count them by ear, which terminals that merge close bells also allow.
const bellGap = 300 * time.Millisecond

// bellMsg rings one more bell of a pattern; left counts the ones after it.
type bellMsg struct{ left int }

// ring rings n bells, one bellGap apart, when the bell stands in for tones
// (sound: bell, or no sound player): each cue has its own count, so they
// can be told apart by ear. A newer pattern does not cancel an older one;
// cues a second apart are rare and both are worth hearing.
func (m *Model) ring(n int) tea.Cmd {
	if !m.opts.Bell || n <= 0 {
		return nil
	}
	return func() tea.Msg { return bellMsg{left: n} }
}

// nextBell rings a bell of a pattern and schedules the one after it.
func nextBell(msg bellMsg) tea.Cmd {
	if msg.left <= 0 {
		return nil
	}
	cmds := []tea.Cmd{tea.Raw("\a")}
	if msg.left > 1 {
		cmds = append(cmds, tea.Tick(bellGap, func(time.Time) tea.Msg { return bellMsg{left: msg.left - 1} }))
	}
	return tea.Batch(cmds...)
}
