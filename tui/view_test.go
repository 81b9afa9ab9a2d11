package tui

import (
	"fmt"
	"strings"
	"testing"
	"time"

	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/colorprofile"
	"github.com/charmbracelet/x/ansi"

	"knead/coach"
	"knead/journal"
	"knead/screening"
)

var sizes = []struct{ w, h int }{{120, 40}, {80, 24}, {40, 12}}

func TestGoldenStepScreen(t *testing.T) {
	for _, sz := range sizes {
		m, clock := sessionModel(t, "lumbar-partner", screening.Partner, sz.w, sz.h)
		// Into step 2, which has a tempo and a pass target.
		press(m, "n", "3")
		tick(m, clock, 20)
		golden(t, fmt.Sprintf("step-%dx%d", sz.w, sz.h), screenText(m))
	}
}

func TestGoldenStopPrompt(t *testing.T) {
	for _, sz := range sizes {
		m, clock := sessionModel(t, "lumbar-partner", screening.Partner, sz.w, sz.h)
		tick(m, clock, 10)
		press(m, "6")
		golden(t, fmt.Sprintf("stop-%dx%d", sz.w, sz.h), screenText(m))
	}
}

// A caregiver massaging Anna reads Anna's name in the ease and stop boxes,
// and is told what to do with their hands; the advice about numbness is
// about Anna, never about the reader.
func TestGoldenStopBoxForAnna(t *testing.T) {
	clock := &fakeClock{now: start}
	m := New(Options{Library: library(t), Questions: screening.Default(), Clock: clock, Mode: screening.Partner, PartnerName: "Anna", SessionNumber: 3, RoutineID: "lumbar-partner"})
	m.Update(tea.WindowSizeMsg{Width: 80, Height: 24})
	screenClear(t, m)
	press(m, "enter", "l", "4", "enter")
	tick(m, clock, 10)
	press(m, "5")
	ease := screenText(m)
	press(m, "enter", "7")
	stop := screenText(m)
	flat := strings.Join(strings.Fields(ease+" "+stop), " ")
	for _, want := range []string{"Anna's pain went up from 4 to 5", "Anna's pain rose from 4 to 7", "Take your hands off", "Anna feels numbness or tingling, Anna should see a doctor"} {
		if !strings.Contains(strings.ToLower(flat), strings.ToLower(want)) {
			t.Errorf("lacks %q:\n%s\n%s", want, ease, stop)
		}
	}
	if strings.Contains(flat, "you feel") || strings.Contains(flat, "your pain") {
		t.Errorf("speaks of the caregiver's pain:\n%s", stop)
	}
	golden(t, "stop-anna-80x24", stop)
}

func TestGoldenPicker(t *testing.T) {
	for _, sz := range sizes {
		m := screenedTo(t, screening.Gentle, Options{Mode: screening.Partner}, sz.w, sz.h)
		golden(t, fmt.Sprintf("picker-%dx%d", sz.w, sz.h), screenText(m))
	}
}

func TestNeverPanicsAtAnySize(t *testing.T) {
	t.Parallel()
	m, clock := sessionModel(t, "back-classic", screening.Partner, 80, 24)
	for w := 1; w <= 130; w += 7 {
		for h := 1; h <= 45; h += 4 {
			m.Update(tea.WindowSizeMsg{Width: w, Height: h})
			for _, keys := range [][]string{nil, {"?"}, {"esc"}, {"4"}, {"enter"}, {"9"}} {
				press(m, keys...)
				clock.Advance(time.Second)
				out := screenText(m)
				lines := strings.Split(out, "\n")
				if len(lines) > h {
					t.Fatalf("%dx%d: %d lines", w, h, len(lines))
				}
				for _, l := range lines {
					if n := len([]rune(l)); n > w {
						t.Fatalf("%dx%d: line of %d cells: %q", w, h, n, l)
					}
				}
			}
		}
	}
}

func TestSmallWindowsKeepTheEssentials(t *testing.T) {
	t.Parallel()
	m, _ := sessionModel(t, "lumbar-self", screening.Self, 50, 14)
	out := screenText(m)
	for _, want := range []string{"2:00", "Stroking towards the coccyx", "space pause"} {
		if !strings.Contains(out, want) {
			t.Errorf("50x14 lacks %q:\n%s", want, out)
		}
	}
	if strings.Contains(out, "┃") {
		t.Error("the diagram is drawn in a small window")
	}
	m.Update(tea.WindowSizeMsg{Width: 30, Height: 8})
	out = screenText(m)
	if !strings.Contains(out, "2:00") || !strings.Contains(out, "enlarge the window") {
		t.Errorf("30x8:\n%s", out)
	}
}

func TestDiagramLightsTheZoneNeverTheSpine(t *testing.T) {
	t.Parallel()
	st := newStyles(true, colorprofile.TrueColor)
	litRows := func(out string) (rows []int) {
		for i, line := range strings.Split(out, "\n") {
			if strings.Contains(line, "█") {
				rows = append(rows, i)
			}
		}
		return rows
	}
	for _, zone := range []string{"collar", "upper-back", "back", "lumbar", "lumbosacral", "gluteal", "paravertebral"} {
		out := diagram(routinesZone(zone), st)
		if !strings.Contains(out, "█") {
			t.Errorf("%s: nothing lit", zone)
		}
		if strings.Count(out, "┃") != 10 {
			t.Errorf("%s: spine not drawn whole, or lit", zone)
		}
	}
	// The whole back reaches down to the lumbar rows (6 and 7); the upper
	// back stops at the last rib.
	if rows := fmt.Sprint(litRows(diagram(routinesZone("back"), st))); rows != "[2 3 4 5 6 7]" {
		t.Errorf("back lights rows %s", rows)
	}
	if rows := fmt.Sprint(litRows(diagram(routinesZone("upper-back"), st))); rows != "[2 3 4 5]" {
		t.Errorf("upper-back lights rows %s", rows)
	}
}

// A step that works one side names it and promises no switch.
func TestOneSideStepNamesItsSide(t *testing.T) {
	t.Parallel()
	m, clock := sessionModel(t, "lumbar-self", screening.Self, 100, 30) // pain on the left
	tick(m, clock, 4)                                                   // the step's banner has gone
	out := screenText(m)
	if !strings.Contains(out, "Side: right") || strings.Contains(out, "switch to") {
		t.Fatalf("step 1:\n%s", out)
	}
}

// The key line never loses the pain digits, stop and help, at any width;
// the session line says what is left, and + moves it.
func TestKeyLineAndTimeLeft(t *testing.T) {
	t.Parallel()
	for _, w := range []int{40, 50, 80, 100, 120} {
		m, _ := sessionModel(t, "lumbar-partner", screening.Partner, w, 30)
		line := ansi.Strip(m.keyHelp(w))
		for _, want := range []string{"0-9 pain", "s stop", "? keys"} {
			if !strings.Contains(line, want) {
				t.Errorf("%d columns: %q lacks %q", w, line, want)
			}
		}
		if n := len([]rune(line)); n > w {
			t.Errorf("%d columns: key line of %d", w, n)
		}
	}
	m, _ := sessionModel(t, "lumbar-partner", screening.Partner, 120, 40)
	before := screenText(m)
	press(m, "+")
	after := screenText(m)
	if !strings.Contains(before, "8 steps · 19:00 left") || !strings.Contains(after, "8 steps · 19:30 left") {
		t.Fatalf("session line before and after +:\n%s\n%s", before, after)
	}
}

// The stop and ease boxes keep their reason, their keys and their whole
// frame in small windows, and the key list keeps every key and how to
// close it.
func TestBoxesKeepTheirFrame(t *testing.T) {
	t.Parallel()
	for _, sz := range [][2]int{{30, 8}, {40, 12}, {50, 14}, {80, 24}} {
		check := func(what, out string, want ...string) {
			for _, want := range want {
				if !strings.Contains(out, want) {
					t.Errorf("%s at %dx%d lacks %q:\n%s", what, sz[0], sz[1], want, out)
				}
			}
			if lines := strings.Count(out, "\n") + 1; lines > sz[1] {
				t.Errorf("%s at %dx%d: %d lines", what, sz[0], sz[1], lines)
			}
		}
		m, clock := sessionModel(t, "lumbar-self", screening.Self, sz[0], sz[1])
		tick(m, clock, 5)
		press(m, "?")
		check("key list", screenText(m), "s ", "stop", "q ", "? ", "any key closes")
		press(m, "x")
		if sz[0] >= minWidth {
			press(m, "4")
			check("ease box", screenText(m), "╭", "╰", "╮", "╯", "Ease the pressure", "enter go on", "s stop")
		}
		press(m, "6")
		check("stop box", screenText(m), "┏", "┗", "┓", "┛", "STOP: ", "e end the session", "0–9 pain now")
	}
}

// Goldens of the summary after a completed and after a stopped session:
// the pain through the session, the aftercare and the course, or the
// advice for the stop.
func TestGoldenSummary(t *testing.T) {
	m, clock := sessionModel(t, "lumbar-self", screening.Self, 80, 24)
	for i := 0; i < 2000 && m.screen == screenSession; i++ {
		switch m.flow.State().Phase {
		case coach.CheckIn:
			press(m, "2")
		case coach.FinalPain:
			press(m, "1")
		default:
			tick(m, clock, 1)
		}
	}
	out := screenText(m)
	for _, want := range []string{"Ended: completed", "Pain through the session: 3, 2, 2, 2, 2, 1.", "Aftercare:", "Roll onto your side first to get up."} {
		if !strings.Contains(out, want) {
			t.Errorf("completed summary lacks %q:\n%s", want, out)
		}
	}
	golden(t, "summary-completed-80x24", out)

	m, clock = sessionModel(t, "lumbar-partner", screening.Partner, 80, 24)
	tick(m, clock, 10)
	press(m, "6", "e")
	out = screenText(m)
	if !strings.Contains(out, "The session was stopped: your partner's pain rose from 3 to 6") || strings.Contains(out, "Aftercare") {
		t.Errorf("stopped summary:\n%s", out)
	}
	golden(t, "summary-stopped-80x24", out)
}

// The welcome screen says, for each person in the history, how the last
// session went, the trend and the next date, or that the course waits.
func TestGoldenWelcomeWithHistory(t *testing.T) {
	store, _, err := journal.Open(t.TempDir())
	if err != nil {
		t.Fatal(err)
	}
	defer store.Close()
	record := func(name string, mode screening.Mode, day, before, after int, outcome coach.Outcome) {
		p, _ := store.Person(name, mode)
		id, err := store.StartSession(p.ID, "lumbar-self", 4, day+1, start.Add(time.Duration(day-5)*24*time.Hour))
		if err != nil {
			t.Fatal(err)
		}
		sum := coach.Summary{Baseline: before, Final: after, Outcome: outcome, Active: 9 * time.Minute, StepsCompleted: 4, StepsPlanned: 4}
		if outcome == coach.Stopped {
			sum.StopReason, sum.PainStop = fmt.Sprintf("pain rose from %d to %d", before, after), true
		}
		if err := store.NewRecorder(id).Write(journal.Batch{Summary: sum, State: coach.State{Phase: coach.Done}}); err != nil {
			t.Fatal(err)
		}
	}
	record("", screening.Self, 1, 5, 4, coach.Completed)
	record("", screening.Self, 2, 5, 3, coach.Completed)
	record("", screening.Self, 4, 4, 2, coach.Completed)
	record("Anna", screening.Partner, 3, 3, 3, coach.Completed)
	record("Anna", screening.Partner, 4, 3, 5, coach.Stopped)
	m := New(Options{Library: library(t), Questions: screening.Default(), Clock: &fakeClock{now: start}, Journal: store})
	m.Update(tea.WindowSizeMsg{Width: 80, Height: 24})
	out := screenText(m)
	for _, want := range []string{"You: last session", "pain 4 → 2; less pain after the last 3 sessions; next: session 4 of 10", "Anna: last session", "no massage until the pain has settled"} {
		if !strings.Contains(strings.ReplaceAll(out, "\n", " "), want) {
			t.Errorf("welcome lacks %q:\n%s", want, out)
		}
	}
	golden(t, "welcome-history-80x24", out)
}

// Even in a window too small for the step screen, a held clock says so.
func TestTinyWindowSaysPaused(t *testing.T) {
	t.Parallel()
	m, _ := sessionModel(t, "lumbar-self", screening.Self, 30, 8)
	press(m, "space")
	if out := screenText(m); !strings.Contains(out, "PAUSED") {
		t.Fatalf("30x8 paused:\n%s", out)
	}
}

// At 40×12 the welcome keeps its choice and keys, the checklist its
// question, and the pain before its whole key line.
func TestSmallWindowKeepsThePrompts(t *testing.T) {
	t.Parallel()
	m := New(Options{Library: library(t), Questions: screening.Default(), Clock: &fakeClock{now: start}})
	m.Update(tea.WindowSizeMsg{Width: 40, Height: 12})
	m.opts.Warnings = []string{"no sound player found (pw-play, paplay, aplay or afplay): cues ring the terminal bell instead"}
	if out := screenText(m); !strings.Contains(out, "Who is being massaged?") || !strings.Contains(out, "? keys") {
		t.Errorf("welcome at 40x12:\n%s", out)
	}
	s := New(Options{Library: library(t), Questions: screening.Default(), Clock: &fakeClock{now: start}, Mode: screening.Partner, RoutineID: "lumbar-partner", SessionNumber: 3})
	s.Update(tea.WindowSizeMsg{Width: 40, Height: 12})
	screenClear(t, s)
	if out := screenText(s); !strings.Contains(out, "enter when ready") {
		t.Errorf("checklist at 40x12:\n%s", out)
	}
	press(s, "enter", "l", "3")
	if out := strings.Join(strings.Fields(screenText(s)), " "); !strings.Contains(out, "enter start · u change it · w warning sign · q quit · ? keys") {
		t.Errorf("pain before at 40x12:\n%s", screenText(s))
	}
}
