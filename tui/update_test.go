package tui

import (
	"fmt"
	"strings"
	"testing"
	"time"

	tea "charm.land/bubbletea/v2"

	"knead/coach"
	"knead/journal"
	"knead/screening"
)

func TestWelcomeKeys(t *testing.T) {
	t.Parallel()
	newWelcome := func() *Model {
		return New(Options{Library: library(t), Questions: screening.Default(), Clock: &fakeClock{now: start}})
	}
	m := newWelcome()
	if m.screen != screenWelcome {
		t.Fatal("does not start at the welcome")
	}
	press(m, "1")
	if m.screen != screenScreening || m.flow.Mode() != screening.Self || m.form == nil || m.form.walk.Mode() != screening.Self {
		t.Fatalf("1: screen %d mode %q", m.screen, m.flow.Mode())
	}
	m = newWelcome()
	press(m, "down", "enter", "A", "n", "n", "backspace", "esc")
	if m.screen != screenWelcome || m.typingName {
		t.Fatal("esc did not leave the name field")
	}
	press(m, "2", "A", "n", "n", "enter")
	if m.screen != screenScreening || m.flow.Mode() != screening.Partner || m.partnerName != "Ann" {
		t.Fatalf("partner: screen %d mode %q name %q", m.screen, m.flow.Mode(), m.flow.PartnerName())
	}
	if !strings.Contains(screenText(m), "Screening") {
		t.Fatalf("screening form not shown:\n%s", screenText(m))
	}
	m = newWelcome()
	m.Update(keyMsg("q"))
	_, cmd := m.Update(keyMsg("q"))
	if cmd == nil || cmd() != tea.Quit() {
		t.Fatal("q on the welcome does not quit")
	}
}

func TestStopOrUrgentResultHasNoWayOn(t *testing.T) {
	t.Parallel()
	for _, level := range []screening.Level{screening.Stop, screening.Urgent} {
		m := screenedTo(t, level, Options{Mode: screening.Self, RoutineID: "lumbar-self"}, 80, 40)
		if m.screen != screenResult {
			t.Fatalf("%s: screen %d", level, m.screen)
		}
		out := screenText(m)
		if !strings.Contains(out, strings.ToUpper(string(level))) || !strings.Contains(out, m.flow.Clearance().Reasons[0].Explanation[:20]) {
			t.Errorf("%s result:\n%s", level, out)
		}
		for _, k := range []string{"n", "space", "down", "1"} {
			press(m, k)
			if m.screen != screenResult || m.flow.Routine() != nil {
				t.Fatalf("%s: key %s led on", level, k)
			}
		}
	}
}

func TestPickerKeys(t *testing.T) {
	t.Parallel()
	m := screenedTo(t, screening.Clear, Options{Mode: screening.Partner}, 80, 24)
	ids := func() string { list, _ := m.pickerRoutines(); return list[m.pickerCursor].ID }
	if ids() != "back-classic" {
		t.Fatalf("cursor starts on %s", ids())
	}
	press(m, "down", "down", "down")
	if ids() != "swedish-back" {
		t.Fatalf("down: on %s", ids())
	}
	press(m, "down")
	if ids() != "swedish-back" {
		t.Fatalf("down past the last: on %s", ids())
	}
	press(m, "up")
	if ids() != "lumbar-partner" {
		t.Fatalf("up: on %s", ids())
	}
	press(m, "enter")
	if m.screen != screenSession || m.flow.Routine().ID != "lumbar-partner" {
		t.Fatal("enter did not start the routine")
	}
}

// The picker lists the routines for who is massaged, allowed ones first,
// the others as one line; the screening's advice is on it; esc goes back
// to the welcome.
func TestPickerFitsTheMode(t *testing.T) {
	t.Parallel()
	m := New(Options{Library: library(t), Questions: screening.Default(), Clock: &fakeClock{now: start}})
	m.Update(tea.WindowSizeMsg{Width: 100, Height: 30})
	press(m, "1")
	screenWith(t, m, levelAnswers[screening.Gentle]...)
	out := screenText(m)
	list, other := m.pickerRoutines()
	if other == 0 || list[0].ID != "lumbar-self" || !strings.Contains(out, fmt.Sprintf("%d routines are for massaging a partner.", other)) {
		t.Fatalf("self picker (%d other):\n%s", other, out)
	}
	for _, want := range []string{"with gentle routines only", "the lower back, 4 steps: stroking", "esc back"} {
		if !strings.Contains(out, want) {
			t.Errorf("picker lacks %q:\n%s", want, out)
		}
	}
	if strings.Contains(out, "Classic back massage") {
		t.Errorf("a partner routine is listed for self-massage:\n%s", out)
	}
	press(m, "esc")
	if m.screen != screenWelcome {
		t.Fatalf("esc: screen %d", m.screen)
	}
}

func TestStartWithANotAllowedRoutineShowsThePicker(t *testing.T) {
	t.Parallel()
	m := screenedTo(t, screening.Gentle, Options{Mode: screening.Partner, RoutineID: "back-classic"}, 80, 24)
	if m.screen != screenPicker || !strings.Contains(screenText(m), "back-classic is not available today: gentle routines only (disc hernia") {
		t.Fatalf("screen %d:\n%s", m.screen, screenText(m))
	}
}

func TestSessionKeys(t *testing.T) {
	t.Parallel()
	cases := []struct {
		name  string
		keys  []string
		check func(coach.State) bool
	}{
		{"space pauses", []string{"space"}, func(s coach.State) bool { return s.Paused && s.Frozen }},
		{"space again resumes", []string{"space", "space"}, func(s coach.State) bool { return !s.Paused && !s.Frozen }},
		{"n ends the step", []string{"n"}, func(s coach.State) bool { return s.Phase == coach.CheckIn }},
		{"a check-in digit starts the next step", []string{"n", "3"}, func(s coach.State) bool { return s.Phase == coach.Step && s.StepIndex == 1 }},
		{"b restarts the previous step", []string{"n", "3", "b"}, func(s coach.State) bool { return s.StepIndex == 0 && s.Elapsed == 0 }},
		{"+ adds 30 s", []string{"+"}, func(s coach.State) bool { return s.Total == s.Step.Duration+30*time.Second }},
		{"a rise of 1 asks to ease the pressure", []string{"4"}, func(s coach.State) bool { return s.Prompt == coach.EasePrompt }},
		{"enter acknowledges it", []string{"4", "enter"}, func(s coach.State) bool { return s.Prompt == coach.NoPrompt && !s.Frozen }},
		{"a rise of 2 stops", []string{"5"}, func(s coach.State) bool { return s.Prompt == coach.StopPrompt && s.CanFinishGently }},
		{"g finishes gently", []string{"5", "g"}, func(s coach.State) bool { return s.FinishingGently && !s.Frozen }},
		{"e ends after a stop", []string{"5", "e"}, func(s coach.State) bool { return s.Phase == coach.Done }},
		{"t reports 10", []string{"t"}, func(s coach.State) bool { return s.LastPain == 10 && s.Prompt == coach.StopPrompt }},
		{"w is a warning sign", []string{"w"}, func(s coach.State) bool { return s.Prompt == coach.StopPrompt && !s.CanFinishGently }},
		{"s asks to stop", []string{"s"}, func(s coach.State) bool { return s.Prompt == coach.StopPrompt && s.StopReason == "you asked to stop" }},
		{"keys other than e and g do nothing under stop", []string{"6", "space", "n", "+", "b"}, func(s coach.State) bool { return s.Prompt == coach.StopPrompt && s.StepIndex == 0 }},
		{"q asks before quitting", []string{"q"}, func(s coach.State) bool { return s.Phase == coach.Step }},
		{"q then n keeps going", []string{"q", "n", "space"}, func(s coach.State) bool { return s.Paused }},
		{"q then y quits", []string{"q", "y"}, func(s coach.State) bool { return s.Phase == coach.Done }},
		{"? shows help, any key closes it", []string{"?", "space"}, func(s coach.State) bool { return !s.Paused }},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			t.Parallel()
			m, _ := sessionModel(t, "lumbar-partner", screening.Partner, 100, 30)
			press(m, tc.keys...)
			if st := state(m); !tc.check(st) {
				t.Fatalf("state after %v: %+v", tc.keys, st)
			}
		})
	}
}

func TestPromptScreens(t *testing.T) {
	t.Parallel()
	m, clock := sessionModel(t, "lumbar-partner", screening.Partner, 100, 30)
	press(m, "?")
	if out := screenText(m); !strings.Contains(out, "next step") || strings.Contains(out, "gentle") {
		t.Errorf("the key list of a step offers the wrong keys:\n%s", out)
	}
	press(m, "esc", "q")
	if !strings.Contains(screenText(m), "End the session now?") {
		t.Error("no quit confirmation")
	}
	press(m, "n", "4")
	if out := screenText(m); !strings.Contains(out, "Ease the pressure: your partner's pain went up from 3 to 4") {
		t.Errorf("ease prompt:\n%s", out)
	}
	press(m, "enter", "n")
	if out := screenText(m); !strings.Contains(out, "Ask your partner: how is the pain now, 0–10?") {
		t.Errorf("partner check-in:\n%s", out)
	}
	press(m, "3")
	tick(m, clock, 3)
	clock.Advance(time.Minute)
	m.Update(tickMsg{gen: m.tickGen})
	if out := screenText(m); !strings.Contains(out, "The clock jumped") || state(m).Prompt != coach.GapPrompt {
		t.Errorf("gap prompt:\n%s", out)
	}
	press(m, "r")
	if st := state(m); st.Prompt != coach.NoPrompt || st.Elapsed != 0 {
		t.Errorf("r did not restart: %+v", st)
	}
}

func TestStopPromptShowsTheFrozenCountdown(t *testing.T) {
	t.Parallel()
	m, clock := sessionModel(t, "lumbar-self", screening.Self, 100, 30)
	tick(m, clock, 5)
	press(m, "3", "6")
	before := screenText(m)
	if !strings.Contains(before, "pain rose from 3 to 6") || !strings.Contains(before, "frozen at 1:55") {
		t.Fatalf("stop prompt:\n%s", before)
	}
	tick(m, clock, 2)
	if after := screenText(m); after != before {
		t.Fatalf("the stop prompt changed while frozen:\n%s", after)
	}
}

func TestCtrlCExitsWith130(t *testing.T) {
	t.Parallel()
	m, _ := sessionModel(t, "lumbar-self", screening.Self, 100, 30)
	_, cmd := m.Update(keyMsg("ctrl+c"))
	if m.ExitCode != 130 || cmd == nil || state(m).Phase != coach.Done || m.flow.Summary().Outcome != coach.Interrupted {
		t.Fatalf("exit %d, state %+v", m.ExitCode, state(m))
	}
}

// bellsAsked runs a batch of commands and returns the length of the bell
// pattern it starts (0 for none).
func bellsAsked(cmd tea.Cmd) int {
	if cmd == nil {
		return 0
	}
	n := 0
	switch msg := cmd().(type) {
	case tea.BatchMsg:
		for _, c := range msg {
			n = max(n, bellsAsked(c))
		}
	case bellMsg:
		n = msg.left
	}
	return n
}

// Without a sound player, each cue rings its own number of bells: one at a
// step start, two at a side switch, three at ten seconds left, five at a
// stop; none with the bell silenced.
func TestBellPatternsTellCuesApart(t *testing.T) {
	t.Parallel()
	for _, bell := range []bool{true, false} {
		m, clock := sessionModel(t, "lumbar-partner", screening.Partner, 100, 30)
		m.opts.Bell = bell
		want := func(what string, n, got int) {
			t.Helper()
			if !bell {
				n = 0
			}
			if got != n {
				t.Errorf("bell %v, %s: %d bells, want %d", bell, what, got, n)
			}
		}
		press(m, "n")
		_, cmd := m.Update(keyMsg("3")) // the next step starts
		want("step start", 1, bellsAsked(cmd))
		press(m, "n", "3", "n", "3") // step 4 switches sides at half time
		asked := 0
		for i := 0; i < 300 && asked == 0; i++ {
			clock.Advance(time.Second)
			_, cmd = m.Update(tickMsg{gen: m.tickGen})
			if m.flow.State().Elapsed*2 >= m.flow.State().Total {
				asked = bellsAsked(cmd)
				break
			}
		}
		want("side switch", 2, asked)
		for m.flow.State().Remaining > 10*time.Second {
			clock.Advance(time.Second)
			_, cmd = m.Update(tickMsg{gen: m.tickGen})
		}
		want("ten seconds", 3, bellsAsked(cmd))
		_, cmd = m.Update(keyMsg("s"))
		want("stop", 5, bellsAsked(cmd))
	}
}

// A pattern rings a bell, then the rest of the pattern a gap later.
func TestBellPatternRingsOneAtATime(t *testing.T) {
	t.Parallel()
	cmd := nextBell(bellMsg{left: 2})
	msg, ok := cmd().(tea.BatchMsg)
	if !ok || len(msg) != 2 {
		t.Fatalf("a pattern of two: %#v", cmd())
	}
	if raw, ok := msg[0]().(tea.RawMsg); !ok || raw.Msg != "\a" {
		t.Fatalf("first: %#v", msg[0]())
	}
	if next, ok := msg[1]().(bellMsg); !ok || next.left != 1 {
		t.Fatalf("then: %#v", msg[1]())
	}
	if nextBell(bellMsg{left: 0}) != nil {
		t.Fatal("an empty pattern rings")
	}
}

func TestTickScheduleFollowsTheShownSecond(t *testing.T) {
	t.Parallel()
	m, clock := sessionModel(t, "lumbar-self", screening.Self, 100, 30)
	clock.Advance(300 * time.Millisecond)
	gen := m.tickGen
	cmd := m.scheduleTick()
	if cmd == nil || m.tickGen != gen+1 {
		t.Fatal("no tick scheduled while running")
	}
	press(m, "space")
	if m.scheduleTick() != nil {
		t.Fatal("a tick was scheduled while paused")
	}
	// A stale tick is ignored.
	before := state(m)
	m.Update(tickMsg{gen: gen})
	if after := state(m); after.Remaining != before.Remaining || after.Phase != before.Phase || !after.Paused {
		t.Fatal("a stale tick changed the state")
	}
}

func TestSummaryScreen(t *testing.T) {
	t.Parallel()
	m, _ := sessionModel(t, "lumbar-self", screening.Self, 100, 30)
	press(m, "5", "e")
	if m.screen != screenSummary {
		t.Fatalf("screen %d", m.screen)
	}
	out := screenText(m)
	for _, want := range []string{"Pain before → after: 3 → 5", "Ended: stopped", "The session was stopped: pain rose from 3 to 5", "see a doctor"} {
		if !strings.Contains(out, want) {
			t.Errorf("summary lacks %q:\n%s", want, out)
		}
	}
}

func TestRehearsalBanner(t *testing.T) {
	t.Parallel()
	m := New(Options{Library: library(t), Questions: screening.Default(), Clock: &fakeClock{now: start}, Rehearse: true, RoutineID: "lumbar-self", Speed: 10})
	m.Update(tea.WindowSizeMsg{Width: 100, Height: 30})
	m.Init()
	if m.screen != screenSession || state(m).Phase != coach.Step || !strings.Contains(screenText(m), "Rehearsal — no massage") {
		t.Fatalf("rehearsal:\n%s", screenText(m))
	}
}

func TestHistoryScreen(t *testing.T) {
	t.Parallel()
	store, _, err := journal.Open(t.TempDir())
	if err != nil {
		t.Fatal(err)
	}
	defer store.Close()
	p, _ := store.Person("", screening.Self)
	for i := 0; i < 30; i++ {
		store.StartSession(p.ID, "lumbar-self", 3, i+1, start.Add(time.Duration(i)*time.Hour))
	}
	m := New(Options{Library: library(t), Questions: screening.Default(), Clock: &fakeClock{now: start}, Journal: store})
	m.Update(tea.WindowSizeMsg{Width: 100, Height: 20})
	_, cmd := m.Update(keyMsg("h"))
	if m.screen != screenHistory || cmd == nil {
		t.Fatal("h does not open the history")
	}
	m.Update(cmd())
	out := screenText(m)
	if !strings.Contains(out, "DATE") || !strings.Contains(out, "lumbar-self") {
		t.Fatalf("history:\n%s", out)
	}
	m.Update(tea.WindowSizeMsg{Width: 50, Height: 20})
	if out := screenText(m); !strings.Contains(out, "…") {
		t.Fatalf("a cut line does not say so:\n%s", out)
	}
	press(m, "down", "down", "pgdown")
	if m.historyOffset == 0 || !strings.Contains(screenText(m), "lumbar-self") {
		t.Fatalf("no scroll: offset %d", m.historyOffset)
	}
	press(m, "esc")
	if m.screen != screenWelcome {
		t.Fatal("esc does not go back")
	}
}

// TestCtrlCDrawsNoDeadStep: Ctrl-C ends the engine at once; the frame
// drawn before the program quits must not look for a step that is gone.
func TestCtrlCDrawsNoDeadStep(t *testing.T) {
	t.Parallel()
	for _, keys := range [][]string{nil, {"space"}, {"3"}} {
		m, _ := sessionModel(t, "lumbar-self", screening.Self, 100, 30)
		press(m, keys...)
		_, cmd := m.Update(keyMsg("ctrl+c"))
		if cmd == nil || m.ExitCode != 130 {
			t.Fatalf("ctrl+c: exit %d", m.ExitCode)
		}
		if out := screenText(m); !strings.Contains(out, "The session has ended.") {
			t.Errorf("after ctrl+c:\n%s", out)
		}
	}
}

// TestOverlaysHoldTheClock: the quit question and the key list pause the
// step like every other prompt, and a warning sign or a rating goes
// through them.
func TestOverlaysHoldTheClock(t *testing.T) {
	t.Parallel()
	for _, open := range []string{"q", "?"} {
		m, clock := sessionModel(t, "lumbar-self", screening.Self, 100, 30)
		tick(m, clock, 3)
		before := state(m).Remaining
		press(m, open)
		tick(m, clock, 30)
		if got := state(m).Remaining; got != before {
			t.Errorf("%s: the clock ran behind the overlay: %s → %s", open, before, got)
		}
		press(m, "w")
		if st := state(m); st.Prompt != coach.StopPrompt || m.confirmQuit || m.showHelp {
			t.Errorf("%s: w under the overlay: prompt %s, quit %v, help %v", open, st.Prompt, m.confirmQuit, m.showHelp)
		}
	}
	// Closing the overlay lets the clock run again.
	m, clock := sessionModel(t, "lumbar-self", screening.Self, 100, 30)
	press(m, "?", "?")
	before := state(m).Remaining
	tick(m, clock, 2)
	if state(m).Remaining >= before || state(m).Paused {
		t.Error("the clock did not run again after the key list closed")
	}
}

// TestPartnerCalledMeIsRefusedAtTheWelcome: the name is refused when it is
// typed, not after the questionnaire.
func TestPartnerCalledMeIsRefusedAtTheWelcome(t *testing.T) {
	t.Parallel()
	m := New(Options{Library: library(t), Questions: screening.Default(), Clock: &fakeClock{now: start}})
	press(m, "2", "M", "e", "enter")
	if m.screen != screenWelcome || !strings.Contains(screenText(m), "give your partner another") {
		t.Fatalf("screen %d:\n%s", m.screen, screenText(m))
	}
}
