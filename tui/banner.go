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

// banner is a moment that matters, shown large for a few seconds: its
// sentence, and the word of it drawn in big letters where the window has
// room for them.
type banner struct {
	text, big string
	until     time.Time
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
// A side switch outranks the step start that comes with it (turning over
// between two steps): what the body must do is the bigger news, and the
// new step's title joins its sentence.
func (m *Model) noteBanner(cues []coach.Cue, note string) {
	var found, side, step banner
	for _, c := range cues {
		b := m.bannerOf(c)
		switch {
		case b.text == "":
		case c.Kind == coach.CueSideSwitch:
			side = b
		case c.Kind == coach.CueStepStart:
			step = b
		default:
			found = b
		}
	}
	switch {
	case side.text != "" && step.text != "":
		found = side
		found.text += " · " + step.text
	case side.text != "":
		found = side
	case step.text != "":
		found = step
	}
	if found.text == "" {
		return
	}
	if note != "" {
		found.text = strings.TrimSuffix(note, ".") + " · " + found.text
	}
	found.until = m.now().Add(bannerTime)
	m.banner = found
}

// bannerOf is a cue's banner; empty for cues without one. The big word is
// what to do, short enough to draw large: the side, or the technique.
func (m *Model) bannerOf(c coach.Cue) banner {
	switch c.Kind {
	case coach.CueSideSwitch:
		side := strings.ToUpper(string(c.Side))
		switch {
		case side == "":
			return banner{text: "SWITCH SIDES", big: "SWITCH SIDES"}
		case m.flow.Partner():
			return banner{text: fmt.Sprintf("Switch to the %s side", side), big: side + " SIDE"}
		}
		return banner{text: fmt.Sprintf("TURN OVER — now the %s side", side), big: "TURN OVER"}
	case coach.CueStepStart:
		b := banner{text: "Now: " + c.Title}
		if r := m.flow.Routine(); r != nil && c.Step >= 0 && c.Step < len(r.Steps) {
			b.big = strings.ToUpper(r.Steps[c.Step].Technique.Words())
		}
		return b
	case coach.CueRestStart:
		return banner{text: "Massage done: REST", big: "REST"}
	}
	return banner{}
}

// bannerNow is the banner to show now: PAUSED for as long as the clock is
// held, otherwise the latest moment's banner while it lasts.
func (m *Model) bannerNow(st coach.State) banner {
	if st.Paused && st.Prompt == coach.NoPrompt && !m.heldClock {
		return banner{text: "PAUSED — space to go on", big: "PAUSED"}
	}
	if m.banner.text != "" && m.now().Before(m.banner.until) {
		return m.banner
	}
	return banner{}
}

// bannerText is the sentence of the banner to show now, "" for none.
func (m *Model) bannerText(st coach.State) string { return m.bannerNow(st).text }

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

// bigBanner draws the banner with its word in big letters cut out of a
// solid band, the sentence under them, in at most rows rows across w
// cells; nil when there is no banner, no big word, or no room for it.
// The letters scale up with the window, like the countdown.
func (m *Model) bigBanner(st coach.State, w, rows int) []string {
	b := m.bannerNow(st)
	if b.big == "" || !drawable(b.big) {
		return nil
	}
	scale := 0
	for s := 1; ; s++ {
		bw, bh := bigSize(b.big, s, false)
		if bw+4 > w || bh+3 > rows {
			break
		}
		scale = s
	}
	if scale == 0 {
		return nil
	}
	bw, _ := bigSize(b.big, scale, false)
	left := (w - bw) / 2
	bar := m.st.banner.Render(strings.Repeat("█", w))
	out := []string{bar}
	for _, row := range bigRows(b.big, scale, false) {
		var cut strings.Builder
		for _, p := range row {
			if p == ' ' {
				cut.WriteRune('█')
			} else {
				cut.WriteRune(' ')
			}
		}
		line := strings.Repeat("█", left) + cut.String() + strings.Repeat("█", w-left-bw)
		out = append(out, m.st.banner.Render(line))
	}
	text := truncate(b.text, w-2)
	pad := max(w-cellWidth(text), 0)
	out = append(out, m.st.bannerText.Render(strings.Repeat(" ", pad/2)+text+strings.Repeat(" ", pad-pad/2)), bar)
	return out
}

// lastTen is true in the last ten seconds of a step or rest, paused too.
func lastTen(st coach.State) bool {
	return (st.Phase == coach.Step || st.Phase == coach.Rest) && st.Remaining > 0 && st.Remaining <= 10*time.Second
}

// warnings are the problems found on the way in, shown on the welcome
// screen, the checklist and the first step: the full screen would
// otherwise hide them until it closes.
//
// Many problems (a folder of broken routine files) would push the screen's
// own lines away: the first two are shown, and a line says how many more
// there are and where to read them.
func (m *Model) warnings(width int) []string {
	shown := m.opts.Warnings
	more := 0
	if len(shown) > 3 {
		shown, more = shown[:2], len(shown)-2
	}
	var out []string
	for _, w := range shown {
		out = append(out, strings.Split(m.st.warn.Render(wrap("! "+w, width)), "\n")...)
	}
	if more > 0 {
		out = append(out, strings.Split(m.st.warn.Render(wrap(fmt.Sprintf("! and %d more problems, printed in full when knead closes", more), width)), "\n")...)
	}
	return out
}

// firstStep is true while the session's first step is on screen.
func firstStep(st coach.State) bool {
	return st.Phase == coach.Step && st.StepIndex == 0
}
