package tui

import (
	"fmt"
	"strings"
	"testing"

	tea "charm.land/bubbletea/v2"

	"knead/screening"
)

// formAt returns the app showing the screening form for mode at w×h, with
// the walk brought to question id: questions before it answered so that
// nothing limits the massage, and its parents answered yes.
func formAt(t *testing.T, mode screening.Mode, name, id string, w, h int) *Model {
	t.Helper()
	m := New(Options{Library: library(t), Questions: screening.Default(), Clock: &fakeClock{now: start}, Mode: mode, PartnerName: name})
	m.Update(tea.WindowSizeMsg{Width: w, Height: h})
	m.Init()
	target, _ := m.opts.Questions.Question(id)
	walk := m.form.walk
	for x := walk.Current(); x != nil && x.ID != id; x = walk.Current() {
		a := clearAnswerOf(x)
		for p := target.Parent; p != nil; p = p.Parent {
			if p.ID == x.ID {
				a = screening.Yes
			}
		}
		if x.Type == screening.Number {
			a = screening.NumberAnswer(30)
		}
		if err := walk.Answer(a); err != nil {
			t.Fatal(err)
		}
	}
	if walk.Current() == nil || walk.Current().ID != id {
		t.Fatalf("could not reach %s", id)
	}
	m.form.settle()
	return m
}

// clearAnswerOf is x's first answer that neither limits nor locks, no
// before yes.
func clearAnswerOf(x *screening.Question) screening.Answer {
	opts := x.Options()
	if x.Type == screening.YesNo {
		opts = []screening.Option{opts[1], opts[0]}
	}
	for _, o := range opts {
		if (o.Level == "" || o.Level == screening.Clear) && !(o.Value == "yes" && x.Locks != "") {
			return screening.OptionAnswer(o.Value)
		}
	}
	return screening.Yes
}

// TestEveryOptionVisibleAtEverySize: for every question, in both modes,
// at four sizes, the page shows every option, and the cursor on each in
// turn.
func TestEveryOptionVisibleAtEverySize(t *testing.T) {
	t.Parallel()
	sizes := [][2]int{{40, 12}, {80, 24}, {100, 30}, {200, 50}, {30, 8}}
	for _, x := range screening.Default().All() {
		for _, mode := range []screening.Mode{screening.Self, screening.Partner} {
			for _, size := range sizes {
				name := fmt.Sprintf("%s/%s/%dx%d", x.ID, mode, size[0], size[1])
				m := formAt(t, mode, "Alexandra-Marie", x.ID, size[0], size[1])
				if x.Type == screening.Number {
					press(m, "1", "2")
					if out := screenText(m); !strings.Contains(out, "Days: 12") {
						t.Errorf("%s: the typed number is not shown:\n%s", name, out)
					}
					continue
				}
				out := screenText(m)
				for _, o := range x.Options() {
					if !strings.Contains(out, o.Key+"  "+firstWords(o.Label)) {
						t.Errorf("%s: option %q missing:\n%s", name, o.Label, out)
					}
				}
				for i, o := range x.Options() {
					press(m, "down")
					if m.form.cursor != i {
						t.Fatalf("%s: cursor at %d, want %d", name, m.form.cursor, i)
					}
					if out := screenText(m); !strings.Contains(out, "> "+o.Key+"  "+firstWords(o.Label)) {
						t.Errorf("%s: cursor not shown on %q:\n%s", name, o.Label, out)
					}
				}
				if lines := strings.Split(screenText(m), "\n"); len(lines) > size[1] {
					t.Errorf("%s: %d lines in a window of %d", name, len(lines), size[1])
				}
			}
		}
	}
}

// firstWords is the start of a label that fits a line even at 30 columns.
func firstWords(label string) string {
	if len(label) > 18 {
		return label[:18]
	}
	return label
}

func TestFormShowsProgressAndTheQuestionWhole(t *testing.T) {
	t.Parallel()
	m := formAt(t, screening.Partner, "Anna", "fever", 100, 30)
	out := screenText(m)
	for _, want := range []string{"Screening · question 3 of 28", "Does Anna have a fever or a raised temperature today?", "y  Yes", "n  No", "shift+tab back"} {
		if !strings.Contains(out, want) {
			t.Errorf("lacks %q:\n%s", want, out)
		}
	}
	if strings.Contains(out, "filter") || strings.Contains(out, "Choose...") {
		t.Errorf("filter hint or placeholder shown:\n%s", out)
	}
}

func TestFormKeys(t *testing.T) {
	t.Parallel()
	m := formAt(t, screening.Self, "", "fever", 80, 24)
	// Back from an unanswered question never asks for an answer first.
	press(m, "shift+tab")
	if id := m.form.walk.Current().ID; id != "leg-weakness" || m.form.problem != "" {
		t.Fatalf("shift+tab: at %s, problem %q", id, m.form.problem)
	}
	if m.form.cursor != 1 {
		t.Errorf("the earlier answer (no) is not under the cursor: %d", m.form.cursor)
	}
	// enter with nothing chosen answers nothing.
	m = formAt(t, screening.Self, "", "fever", 80, 24)
	press(m, "enter")
	if m.form.walk.Current().ID != "fever" || !strings.Contains(screenText(m), "Choose an answer") {
		t.Fatalf("enter answered by itself:\n%s", screenText(m))
	}
	// n answers no and goes on; w, s and space do nothing but explain.
	press(m, "w", "s", "space")
	if m.form.walk.Current().ID != "fever" {
		t.Fatal("w, s or space answered a question")
	}
	press(m, "n")
	if m.form.walk.Current().ID != "infection" {
		t.Fatalf("n did not answer: at %s", m.form.walk.Current().ID)
	}
	// ? opens the list of keys, and closes it.
	press(m, "?")
	if out := screenText(m); !strings.Contains(out, "Keys on this page") {
		t.Fatalf("? shows no keys:\n%s", out)
	}
	press(m, "?")
	if strings.Contains(screenText(m), "Keys on this page") {
		t.Fatal("? does not close the key list")
	}
}

// TestUrgentAnswerEndsScreening: yes to a red flag shows the urgent
// result at once.
func TestUrgentAnswerEndsScreening(t *testing.T) {
	t.Parallel()
	m := formAt(t, screening.Self, "", "saddle-bladder", 100, 30)
	press(m, "y")
	if m.screen != screenResult || m.flow.Clearance().Level != screening.Urgent {
		t.Fatalf("screen %d level %s:\n%s", m.screen, m.flow.Clearance().Level, screenText(m))
	}
	if out := screenText(m); !strings.Contains(out, "URGENT") || !strings.Contains(out, "emergency") {
		t.Errorf("urgent result:\n%s", out)
	}
}

// TestPainExaminedHasThreeAnswers: the choice question takes y, n and p.
func TestPainExaminedHasThreeAnswers(t *testing.T) {
	t.Parallel()
	m := formAt(t, screening.Self, "", "pain-examined", 80, 24)
	press(m, "p")
	if got := m.form.walk.Answers()["pain-examined"].String(); got != "no-pain" {
		t.Fatalf("p answered %q", got)
	}
	m = formAt(t, screening.Self, "", "pain-examined", 80, 24)
	press(m, "n")
	if m.screen != screenResult || m.flow.Clearance().Level != screening.Stop {
		t.Fatalf("no doctor has examined the pain: screen %d level %s", m.screen, m.flow.Clearance().Level)
	}
}

func TestFormGolden(t *testing.T) {
	t.Parallel()
	for _, size := range [][2]int{{80, 24}, {40, 12}, {200, 50}} {
		m := formAt(t, screening.Partner, "Anna", "saddle-bladder", size[0], size[1])
		golden(t, fmt.Sprintf("form-%dx%d", size[0], size[1]), screenText(m))
	}
}

// TestResultKeepsWhatToDoAtSmallSizes: at 40×12 an urgent result still
// shows what to do and how to close.
func TestResultKeepsWhatToDoAtSmallSizes(t *testing.T) {
	t.Parallel()
	m := formAt(t, screening.Self, "", "saddle-bladder", 40, 12)
	press(m, "y")
	out := screenText(m)
	if !strings.Contains(out, "emergency") || !strings.Contains(out, "q or enter") {
		t.Fatalf("urgent result at 40x12:\n%s", out)
	}
}
