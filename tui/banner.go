package tui

import (
	"fmt"
	"strings"
	"time"

	"knead/coach"
)

// bannerTime is how long a banner stays: long enough to look up from the
// mat and read it.
const bannerTime = 3 * time.Second

// banner is a moment that matters, shown large for a few seconds.
type banner struct {
	text  string
	until time.Time
}

// now is the wall clock of the app (the test clock in tests). Banners keep
// to it, not to a rehearsal's faster clock, so that they can be read.
func (m *Model) now() time.Time {
	if m.opts.Clock != nil {
		return m.opts.Clock.Now()
	}
	return time.Now()
}

// noteBanner raises the banner of the latest cue of a reply that has one.
// The banner covers the line of words, so it carries the reply's
// acknowledgement too.
func (m *Model) noteBanner(cues []coach.Cue, note string) {
	for _, c := range cues {
		if text := m.bannerWords(c); text != "" {
			if note != "" {
				text = strings.TrimSuffix(note, ".") + " · " + text
			}
			m.banner = banner{text: text, until: m.now().Add(bannerTime)}
		}
	}
}

// bannerWords is a banner's text for a cue; "" for cues without one.
func (m *Model) bannerWords(c coach.Cue) string {
	switch c.Kind {
	case coach.CueSideSwitch:
		side := strings.ToUpper(string(c.Side))
		switch {
		case side == "":
			return "SWITCH SIDES"
		case m.flow.Partner():
			return fmt.Sprintf("Switch to the %s side", side)
		}
		return fmt.Sprintf("TURN OVER — now the %s side", side)
	case coach.CueStepStart:
		return "Now: " + c.Title
	case coach.CueRestStart:
		return "Massage done: REST"
	}
	return ""
}

// bannerText is the banner to show now: PAUSED for as long as the clock is
// held, otherwise the latest moment's banner while it lasts.
func (m *Model) bannerText(st coach.State) string {
	if st.Paused && st.Prompt == coach.NoPrompt && !m.heldClock {
		return "PAUSED — space to go on"
	}
	if m.banner.text != "" && m.now().Before(m.banner.until) {
		return m.banner.text
	}
	return ""
}

// bannerRows draws the banner three rows high across the width, in
// reversed colours, so that it reads as a block from across the room and
// without colour; with no banner the rows hold the latest words.
func (m *Model) bannerRows(st coach.State, w int) []string {
	text := m.bannerText(st)
	if text == "" {
		return []string{"", m.st.accent.Render(truncate(m.flash, w)), ""}
	}
	text = truncate(text, w-2)
	pad := max(w-cellWidth(text), 0)
	bar := strings.Repeat("█", w)
	middle := strings.Repeat(" ", pad/2) + text + strings.Repeat(" ", pad-pad/2)
	bar = m.st.banner.Render(bar)
	return []string{bar, m.st.bannerText.Render(middle), bar}
}

// lastTen is true in the last ten seconds of a running step or rest.
func lastTen(st coach.State) bool {
	return (st.Phase == coach.Step || st.Phase == coach.Rest) && !st.Frozen && st.Remaining > 0 && st.Remaining <= 10*time.Second
}

// warnings are the problems found on the way in, shown on the welcome
// screen, the checklist and the first step: the full screen would
// otherwise hide them until it closes.
func (m *Model) warnings(width int) []string {
	var out []string
	for _, w := range m.opts.Warnings {
		out = append(out, strings.Split(m.st.warn.Render(wrap("! "+w, width)), "\n")...)
	}
	return out
}

// firstStep is true while the session's first step is on screen.
func firstStep(st coach.State) bool {
	return st.Phase == coach.Step && st.StepIndex == 0
}
