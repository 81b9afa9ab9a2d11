package tui

import (
	"fmt"
	"strings"
	"time"

	"charm.land/bubbles/v2/key"
	"charm.land/lipgloss/v2"
	"github.com/charmbracelet/x/ansi"

	"knead/coach"
	"knead/guide"
	"knead/routines"
)

// Layout thresholds of the step screen.
const (
	fullWidth, fullHeight = 80, 24
	minWidth, minHeight   = 40, 12
)

func (m *Model) viewSession() string {
	w, h := m.size()
	st := m.flow.State()
	var body string
	switch {
	case st.Phase == coach.Done:
		// Drawn once between the end of the session (Ctrl-C, or the
		// last event) and the next screen: there is no step to show.
		body = m.st.title.Render("The session has ended.")
	case m.confirmQuit:
		body = m.st.warn.Render("End the "+m.flow.Kind()+" now?") + "\n\n" + "y end it · n keep going"
	case m.showHelp:
		body = m.viewHelp()
	case st.Prompt == coach.StopPrompt:
		body = m.viewStop(st, w, h)
	case w < minWidth || h < minHeight:
		body = m.viewTiny(st)
	case st.Prompt == coach.EasePrompt:
		body = m.viewEase(st, w, h)
	case st.Prompt == coach.GapPrompt:
		body = m.viewGap(st, w)
	default:
		body = m.viewPhase(st, w, h)
	}
	return fit(body, w, h)
}

// fit cuts a rendering to the window so that nothing wraps or scrolls, at
// any size down to 1×1.
func fit(s string, w, h int) string {
	lines := strings.Split(s, "\n")
	if len(lines) > h {
		lines = lines[:h]
	}
	for i, l := range lines {
		// A line of no more bytes than cells cannot be too wide.
		if len(l) > w && cellWidth(l) > w {
			lines[i] = ansi.Truncate(l, w, "")
		}
	}
	return strings.Join(lines, "\n")
}

func (m *Model) viewPhase(st coach.State, w, h int) string {
	r := m.flow.Routine()
	tw := m.textWidth()
	switch st.Phase {
	case coach.Preparation:
		var b strings.Builder
		b.WriteString(m.header(st) + "\n\n")
		if w := m.warnings(tw); len(w) > 0 {
			b.WriteString(strings.Join(w, "\n") + "\n\n")
		}
		b.WriteString(m.st.title.Render("Before you start") + "\n")
		b.WriteString(wrap("Position: "+r.Position, tw) + "\n\n")
		for _, p := range r.Prepare {
			b.WriteString(wrap("• "+p, tw) + "\n")
		}
		b.WriteString("\n" + m.courseLine(tw))
		if st.DoseFactor < 1 {
			b.WriteString(m.st.subtle.Render(wrap(fmt.Sprintf("This is an early session of the course: every step runs at %d%% of its time.", int(st.DoseFactor*100+0.5)), tw)) + "\n")
		}
		ready := m.st.title.Render(m.flow.Question()) + "  " + m.st.help.Render("enter when ready · w warning sign · q quit")
		if cellWidth(ready) > w {
			ready = m.st.title.Render(m.flow.Question()) + "\n" + m.st.help.Render("enter when ready · w warning sign · q quit")
		}
		// The question and its keys are never the lines cut.
		return keepLast(b.String()+"\n"+ready, h, strings.Count(ready, "\n")+1)
	case coach.PainfulSide:
		return m.header(st) + "\n\n" + m.st.title.Render(wrap(m.flow.Question(), tw)) + "\n\n" +
			"l left · r right · b both · n neither\n\n" +
			m.st.subtle.Render(wrap("You start on the other side: massage begins opposite the pain.", tw))
	case coach.Baseline, coach.CheckIn, coach.FinalPain:
		var b strings.Builder
		b.WriteString(m.header(st) + "\n\n")
		if m.flash != "" && st.Phase != coach.Baseline {
			b.WriteString(m.st.subtle.Render(m.flash) + "\n\n")
		}
		b.WriteString(m.st.title.Render(wrap(m.flow.Question(), tw)) + "\n\n")
		confirming := m.flow.PainBefore() >= 0
		if !confirming {
			b.WriteString("0 no pain · 5 moderate · 10 worst imaginable\n\n")
		}
		keys := "press 0–9, t for 10 · w warning sign · q quit · ? keys"
		switch {
		case confirming:
			keys = "enter start · u change it · w warning sign · q quit · ? keys"
		case st.Phase != coach.Baseline:
			keys = "press 0–9, t for 10 · w warning sign · s stop · q quit · ? keys"
		}
		b.WriteString(m.st.help.Render(wrap(keys, tw)))
		if st.Phase == coach.CheckIn && st.NextTitle != "" {
			b.WriteString("\n\n" + m.st.subtle.Render("Next: "+st.NextTitle))
		}
		return b.String()
	}
	if w >= fullWidth && h >= fullHeight {
		return m.viewStepFull(st, w, h)
	}
	return m.viewStepSmall(st, w, h)
}

// keepLast cuts s to h lines by dropping lines above its last keep lines,
// so that a prompt and its keys stay on screen in a low window.
func keepLast(s string, h, keep int) string {
	lines := strings.Split(s, "\n")
	if len(lines) <= h || keep >= h {
		return s
	}
	cut := len(lines) - h
	top := lines[:len(lines)-keep-cut]
	return strings.Join(append(top, lines[len(lines)-keep:]...), "\n")
}

// courseLine says where this session stands in its course, with the
// course's advice, or that it will not be saved.
func (m *Model) courseLine(width int) string {
	if m.flow.Rehearsal() {
		return ""
	}
	if !m.flow.Saving() {
		return m.st.warn.Render(wrap("This session will not be saved: "+m.flow.Problem(), width)) + "\n"
	}
	c := m.flow.Course()
	line := fmt.Sprintf("Session %d of %d", c.Number, c.Of)
	if c.DaysSinceLast >= 0 {
		line += fmt.Sprintf(" · %d days since the last", c.DaysSinceLast)
	}
	out := m.st.accent.Render(line) + "\n"
	for _, a := range c.Advice {
		out += m.st.warn.Render(wrap(a, width)) + "\n"
	}
	return out
}

// header is the first line: routine, step, and the mode banner.
func (m *Model) header(st coach.State) string {
	r := m.flow.Routine()
	left := m.st.title.Render(r.Title)
	if st.Phase == coach.Step {
		left += m.st.subtle.Render(fmt.Sprintf(" · step %d of %d", st.StepIndex+1, st.StepCount))
	} else if st.Phase == coach.Rest {
		left += m.st.subtle.Render(" · rest")
	}
	var tags []string
	if m.flow.Rehearsal() {
		tags = append(tags, m.st.warn.Render("Rehearsal — no massage"))
	}
	if st.Paused {
		tags = append(tags, m.st.warn.Render("PAUSED"))
	}
	if st.FinishingGently {
		tags = append(tags, m.st.warn.Render("gentle finish"))
	}
	if e := m.flow.SaveError(); e != "" {
		tags = append(tags, m.st.danger.Render(e))
	}
	if len(tags) > 0 {
		left += "  " + strings.Join(tags, " · ")
	}
	return left
}

func (m *Model) countdownStyle(st coach.State) lipgloss.Style {
	switch {
	case st.Frozen:
		return m.st.digitsFrozen
	case lastTen(st):
		return m.st.digitsLast
	}
	return m.st.digits
}

// stepLines are the parts shared by the full and the small step screens.
func (m *Model) stepLines(st coach.State, width int) (title, cue, side, tempo string) {
	if st.Phase == coach.Rest {
		advice := m.flow.Routine().Aftercare.Advice
		if advice == "" {
			advice = "Rest without exertion."
		}
		return m.st.title.Render("Rest"), wrap(advice, width), "", ""
	}
	s := st.Step
	title = m.st.title.Render(s.Title)
	cue = wrap(s.Cue, width)
	switch {
	case st.Side != "":
		side = fmt.Sprintf("Side: %s", st.Side)
		if s.SwitchSides && st.Elapsed*2 < st.Total {
			side += fmt.Sprintf(" · switch to the %s side at half time", oppositeSide(st.Side))
		}
	case s.Direction != "":
		side = "Direction: " + s.Direction
	}
	if s.Tempo > 0 {
		pulse := "●"
		if st.Pass%2 == 0 {
			pulse = "○"
		}
		tempo = fmt.Sprintf("%s pass %d", m.st.accent.Render(pulse), st.Pass)
		if st.PassMax > 0 {
			tempo += " of " + routines.Passes{Min: st.PassMin, Max: st.PassMax}.String()
		}
		tempo += fmt.Sprintf(" · one every %s", s.Tempo)
	}
	return title, cue, side, tempo
}

func oppositeSide(s coach.Side) coach.Side {
	if s == coach.Left {
		return coach.Right
	}
	return coach.Left
}

func (m *Model) viewStepFull(st coach.State, w, h int) string {
	colW := w - diagramColumn - 2
	title, cue, side, tempo := m.stepLines(st, colW-2)
	text := append([]string{"", title}, strings.Split(cue, "\n")...)
	for _, l := range []string{side, tempo} {
		if l != "" {
			text = append(text, l)
		}
	}
	band := m.bannerRows(st, w)
	barW := min(w-32, 60) // room for "12 steps · 40:00 left"
	bottom := []string{"", fmt.Sprintf("%-8s %s %s / %s", "step", m.bar(st.Elapsed, st.Total, barW), shownElapsed(st), clock(st.Total))}
	if st.Phase == coach.Step {
		bottom = append(bottom, fmt.Sprintf("%-8s %s %s", "session", m.bar(st.SessionDone, st.SessionDone+st.SessionLeft, barW), sessionLeft(st)))
	}
	if st.NextTitle != "" {
		bottom = append(bottom, m.st.subtle.Render("Next: "+st.NextTitle))
	}
	if firstStep(st) {
		bottom = append(bottom, m.warnings(w)...)
	}
	bottom = append(bottom, m.keyHelp(w))
	// The middle takes what the top and the key line leave: the countdown
	// grows into it, and the cue's last lines go before the keys would.
	// Its size is set with the small band, so that it stays the same
	// while a big banner shows: the banner takes the cue's rows instead.
	room := max(h-1-len(band)-len(bottom), 1)
	digits := m.countdown(st, colW, room-len(text))
	if big := m.bigBanner(st, w, room+len(band)-len(digits)-1); big != nil {
		band = big
		room = max(h-1-len(band)-len(bottom), 1)
	}
	top := append([]string{m.header(st)}, band...)
	col := append(digits, text...)
	zone := routines.Zone("")
	if st.Step != nil {
		zone = st.Step.Zone
	}
	body := strings.Split(besideDiagram(m.diagramLines(zone), col), "\n")
	if len(body) > room {
		body = body[:room]
	}
	return strings.Join(append(append(top, body...), bottom...), "\n")
}

// countdown draws the time left as large as fits in w×h cells, centred:
// the same size for the whole step (sized for its longest time), and in
// the last ten seconds cut out of a solid block, which reads without
// colour. Where even the smallest block would not fit, it shows the
// digits only.
func (m *Model) countdown(st coach.State, w, h int) []string {
	widest := clock(max(st.Total, st.Remaining))
	scale := 1
	for {
		cw, ch := bigSize(widest, scale+1, true)
		if cw > w || ch > h {
			break
		}
		scale++
	}
	boxW, boxH := bigSize(widest, scale, true)
	inverted := lastTen(st)
	if boxW > w || boxH > h {
		_, boxH = bigSize(widest, 1, false)
		inverted = false
	}
	paint := painter(m.countdownStyle(st))
	rows := bigRows(clock(st.Remaining), scale, inverted)
	rowW, _ := bigSize(clock(st.Remaining), scale, inverted)
	left := strings.Repeat(" ", max((w-rowW)/2, 0))
	out := make([]string, 0, boxH)
	for range (boxH - len(rows)) / 2 {
		out = append(out, "")
	}
	for _, r := range rows {
		out = append(out, left+paint(r))
	}
	for len(out) < boxH {
		out = append(out, "")
	}
	return out
}

func (m *Model) viewStepSmall(st coach.State, w, h int) string {
	title, cue, side, tempo := m.stepLines(st, w-2)
	lines := []string{m.header(st)}
	if text := m.bannerText(st); text != "" {
		lines = append(lines, m.st.bannerText.Render(truncate(" "+text+" ", w)))
	}
	lines = append(lines, m.countdownStyle(st).Bold(true).Reverse(lastTen(st)).Render(clock(st.Remaining))+"  "+m.bar(st.Elapsed, st.Total, max(w-10, 5)), title)
	lines = append(lines, strings.Split(cue, "\n")...)
	for _, l := range []string{side, tempo} {
		if l != "" {
			lines = append(lines, l)
		}
	}
	if firstStep(st) {
		lines = append(lines, m.warnings(w)...)
	}
	// The key line is never the one cut: the lines above it go first.
	if len(lines) >= h {
		lines = lines[:max(h-1, 1)]
	}
	return strings.Join(append(lines, m.keyHelp(w)), "\n")
}

func (m *Model) viewTiny(st coach.State) string {
	c := "--:--"
	if st.Phase == coach.Step || st.Phase == coach.Rest {
		c = clock(st.Remaining)
	}
	if st.Paused {
		c += " PAUSED"
	}
	return m.countdownStyle(st).Render(c) + "\nenlarge the window"
}

func (m *Model) viewStop(st coach.State, w, h int) string {
	head := m.st.danger.Render("STOP") + "\n"
	if w >= 40 && h >= 20 {
		head = m.st.danger.Render(bigText("STOP", bigScale("STOP", w-4, h/4))) + "\n\n"
	}
	inner := max(min(w-8, 70), 10)
	reason := m.st.danger.Render(wrap(m.flow.Question(), inner))
	clockLine := ""
	if st.Phase == coach.Step || st.Phase == coach.Rest {
		clockLine = fmt.Sprintf("The clock is frozen at %s left.", clock(st.Remaining))
	}
	keys := "e end the session"
	if st.CanFinishGently {
		keys += "\n" + wrap("g finish with gentle stroking only (3 min at most)", inner)
	}
	keys += "\n" + wrap("0–9 pain now · w warning sign · ? keys", inner)
	full, short := m.flow.StopAdvice()
	// The fullest box that fits: the advice shortens, then goes, then the
	// frozen clock and the spacing, then the big sign; the reason, the
	// keys and the frame stay in any window.
	top, box := fitBox(h, m.st.stopBox, []boxed{
		{head, lines(reason, clockLine, "", keys, "", wrap(full, inner))},
		{head, lines(reason, clockLine, "", keys, "", wrap(short, inner))},
		{head, lines(reason, clockLine, "", keys)},
		{"", lines(reason, clockLine, "", keys)},
		{"", lines(reason, keys)},
	})
	// Centred, the sign and its box read as one thing in a wide window.
	sign := box
	if top != "" {
		sign = lipgloss.JoinVertical(lipgloss.Center, strings.TrimSuffix(top, "\n"), box)
	}
	return lipgloss.PlaceHorizontal(w, lipgloss.Center, sign)
}

func (m *Model) viewEase(st coach.State, w, h int) string {
	tw := max(min(w-8, 70), 10)
	paused := ""
	if st.Phase == coach.Step {
		paused = fmt.Sprintf("Paused at %s.", clock(st.Remaining))
	}
	question := m.st.warn.Render(wrap(m.flow.Question(), tw))
	keys := wrap("enter go on · 0–9 pain · s stop · ? keys", tw)
	advice := wrap(m.flow.EaseAdvice(), tw)
	head := m.header(st) + "\n\n"
	top, box := fitBox(h, m.st.easeBox, []boxed{
		{head, lines(paused, question, "", advice, "", keys)},
		{head, lines(question, "", advice, "", keys)},
		{"", lines(question, "", advice, "", keys)},
		{"", lines(question, advice, keys)},
		{"", lines(question, keys)},
	})
	return top + box
}

// boxed is one way to draw a prompt: what goes above the box, and the
// box's content.
type boxed struct{ head, body string }

// fitBox draws the first of the ways, fullest first, that fits in h rows
// with its frame, or the last one cut below its frame: a box with its
// frame is read as a prompt, a box cut open is not.
func fitBox(h int, style lipgloss.Style, ways []boxed) (head, box string) {
	for _, b := range ways {
		if strings.Count(b.head, "\n")+strings.Count(b.body, "\n")+3 <= h {
			return b.head, style.Render(b.body)
		}
	}
	last := ways[len(ways)-1]
	return last.head, style.Render(last.body)
}

// lines joins the non-empty parts with newlines; "" parts are kept as
// blank lines only between two parts that are not empty.
func lines(parts ...string) string {
	var out []string
	for _, p := range parts {
		if p == "" && (len(out) == 0 || out[len(out)-1] == "") {
			continue
		}
		out = append(out, p)
	}
	for len(out) > 0 && out[len(out)-1] == "" {
		out = out[:len(out)-1]
	}
	return strings.Join(out, "\n")
}

func (m *Model) viewGap(st coach.State, w int) string {
	tw := max(min(w-8, 70), 10)
	body := m.st.warn.Render(wrap("The clock jumped (the computer slept or knead was suspended). The step was paused.", tw)) + "\n\n" +
		fmt.Sprintf("%s left of %s.\n\n", clock(st.Remaining), m.currentTitle(st)) + "enter resume · r restart the step"
	return m.header(st) + "\n\n" + m.st.easeBox.Render(body)
}

func (m *Model) currentTitle(st coach.State) string {
	if st.Step != nil {
		return st.Step.Title
	}
	return "the rest"
}

// bar draws a progress bar of width cells.
func (m *Model) bar(done, total time.Duration, width int) string {
	if width < 1 {
		return ""
	}
	filled := 0
	if total > 0 {
		filled = int(int64(width) * int64(min(done, total)) / int64(total))
	}
	return m.st.barFull.Render(strings.Repeat("█", filled)) + m.st.barEmpty.Render(strings.Repeat("░", width-filled))
}

// shownElapsed is the time done as the countdown shows it: the total less
// the remaining seconds rounded up, so that the two always add up.
func shownElapsed(st coach.State) string {
	left := (st.Remaining + time.Second - 1) / time.Second * time.Second
	return clock(max(st.Total-left, 0))
}

// sessionLeft says what is left of the session: "3 steps · 4:35 left".
func sessionLeft(st coach.State) string {
	steps := fmt.Sprintf("%d steps", st.StepsLeft)
	if st.StepsLeft == 1 {
		steps = "1 step"
	}
	return steps + " · " + clock(st.SessionLeft) + " left"
}

// keyHelp is the step screen's key line, most important keys first: the
// pain digits, stop and help are always there; the others follow as the
// width allows, the full list being one ? away.
func (m *Model) keyHelp(w int) string {
	k := m.keys
	// Short words here; the ? overlay says each key in full.
	short := map[string]string{"space": "space pause", "b": "b back"}
	if m.flow.State().Paused {
		short["space"] = "space resume"
	}
	label := func(b key.Binding) string {
		if s, ok := short[b.Help().Key]; ok {
			return s
		}
		return b.Help().Key + " " + b.Help().Desc
	}
	line := []string{label(k.Pain), label(k.Stop)}
	help := "? keys"
	width := func(parts []string) int { return len([]rune(strings.Join(append(parts, help), " · "))) }
	// In order of importance: a key is shown only when every key before
	// it is, and only when it works now (not b in the rest, for one).
	for _, b := range []struct {
		binding key.Binding
		kind    guide.ActionKind
	}{{k.Pause, guide.PauseResume}, {k.Warning, guide.Warning}, {k.Next, guide.Next}, {k.Back, guide.Back}, {k.Extend, guide.Extend}, {k.Quit, guide.Quit}} {
		if !m.flow.Valid(b.kind) {
			continue
		}
		if width(append(line, label(b.binding))) > w {
			break
		}
		line = append(line, label(b.binding))
	}
	return m.st.help.Render(truncate(strings.Join(append(line, help), " · "), w))
}

func (m *Model) viewHelp() string { return m.viewKeyList(m.helpKeys()) }

func (m *Model) viewSummary() string {
	w, h := m.size()
	sum := m.flow.Summary()
	tw := m.textWidth()
	var b strings.Builder
	b.WriteString(m.st.title.Render("Session summary · "+m.flow.Routine().Title) + "\n\n")
	if m.flow.Rehearsal() {
		b.WriteString(m.st.warn.Render("Rehearsal — no massage, not recorded") + "\n\n")
	}
	if e := m.flow.SaveError(); e != "" {
		b.WriteString(m.st.danger.Render(wrap("The history lacks the end of this session ("+e+"); knead tries again when you close it.", tw)) + "\n\n")
	}
	pain := func(p int) string {
		if p < 0 {
			return "–"
		}
		return fmt.Sprint(p)
	}
	// A rehearsal answers its own questions: its pain is made up.
	if !m.flow.Rehearsal() {
		b.WriteString(fmt.Sprintf("Pain before → after: %s → %s", pain(sum.Baseline), pain(sum.Final)))
		if len(sum.Ratings) > 1 {
			b.WriteString("   " + m.st.accent.Render(sparkline(sum.Ratings)))
		}
		b.WriteString("\n")
	}
	b.WriteString(fmt.Sprintf("Steps done: %d of %d\n", sum.StepsCompleted, sum.StepsPlanned))
	b.WriteString(fmt.Sprintf("Massage time: %s · rest: %s\n", clock(sum.Active), clock(sum.Rest)))
	outcome := map[coach.Outcome]string{coach.Completed: "completed", coach.Stopped: "stopped", coach.EndedByUser: "ended early", coach.Interrupted: "interrupted", coach.Shortened: "reached the end, with steps skipped"}[sum.Outcome]
	// The reason of a stop is in the advice below, once.
	b.WriteString("Ended: " + outcome)
	if sum.FinishedGently {
		b.WriteString(", finished with gentle stroking")
	}
	b.WriteString("\n")
	for _, n := range m.flow.AfterNotes() {
		b.WriteString("\n" + wrap(n, tw))
	}
	for _, a := range m.flow.Advice() {
		b.WriteString("\n" + m.st.warn.Render("• "+indent(wrap(a, tw-2), "  ")[2:]))
	}
	b.WriteString("\n\n" + m.st.help.Render("h history · enter or q to close · ? keys"))
	return fit(b.String(), w, h)
}
