package cli

import (
	"context"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"knead/coach"
	"knead/routines"
	"knead/screening"
	"knead/voice"
)

// internalWords are words of knead's own files that must never reach a
// user: the source files' numbers and the word seed.
var internalWords = regexp.MustCompile(`(?i)\bseeds?\b|\b[0-9]{3} "|\b00[0-9]\b`)

// userTexts gathers what users read: the questions, the built-in
// routines, the spoken cues, the advice, every command's help and the
// messages of refused routine files.
func userTexts(t *testing.T) map[string]string {
	t.Helper()
	texts := map[string]string{}
	for _, q := range screening.Default().All() {
		for i, s := range []string{q.Label, q.Self, q.Partner, q.Advice, q.Why, q.WhyNo, q.WhyBelow} {
			texts["question "+q.ID+string(rune('a'+i))] = s
		}
		for _, o := range q.Choices {
			texts["question "+q.ID+" "+o.Value] = o.Label + " " + o.Why
		}
	}
	lib, err := routines.BuiltIn()
	if err != nil {
		t.Fatal(err)
	}
	for _, r := range lib.All() {
		all := []string{r.Title, r.Position, r.Aftercare.Advice}
		all = append(all, r.Prepare...)
		for _, s := range r.Steps {
			all = append(all, s.Title, s.Cue, s.Direction)
		}
		texts["routine "+r.ID] = strings.Join(all, "\n")
	}
	for k := coach.CueStepStart; k <= coach.CueSessionEnd; k++ {
		for _, partner := range []bool{false, true} {
			texts["voice "+k.String()] += voice.Words(coach.Cue{Kind: k, Title: "Stroking", Text: "pain rose from 3 to 5", Side: coach.Left}, partner, "Anna") + "\n"
		}
	}
	for _, f := range []coach.Facts{
		{Outcome: coach.Stopped, StopReason: "pain rose from 3 to 5", PainStop: true, Baseline: 3, Final: 4},
		{Outcome: coach.Stopped, StopReason: "a warning sign", WarningSign: true, Baseline: 3, Final: -1},
		{Outcome: coach.Completed, Baseline: 5, Final: 2},
		{Outcome: coach.Completed, Baseline: 2, Final: 7},
	} {
		texts["advice "+string(f.Outcome)] += strings.Join(coach.Advise(f), "\n") + "\n"
	}
	for _, args := range [][]string{{}, {"start"}, {"rehearse"}, {"screen"}, {"history"}, {"practice"}, {"routines"}, {"routines", "list"}, {"routines", "show"}, {"routines", "validate"}, {"config"}} {
		_, out, _ := run(t, "", append(args, "--help")...)
		texts["help "+strings.Join(args, " ")] = out
	}
	refused, _ := filepath.Glob(filepath.Join("..", "routines", "testdata", "refused", "*.yaml"))
	for _, f := range refused {
		var out, errOut strings.Builder
		Main(context.Background(), []string{"routines", "validate", f}, strings.NewReader(""), &out, &errOut)
		texts["validate "+filepath.Base(f)] = out.String() + errOut.String()
	}
	return texts
}

// No internal word, file number or question id reaches a user.
func TestNoInternalWordsReachUsers(t *testing.T) {
	isolate(t)
	texts := userTexts(t)
	if len(texts) < 100 {
		t.Fatalf("only %d texts gathered", len(texts))
	}
	var ids []string
	for _, q := range screening.Default().All() {
		if strings.Contains(q.ID, "-") { // one-word ids are plain English (fever)
			ids = append(ids, q.ID)
		}
	}
	for where, text := range texts {
		if m := internalWords.FindString(text); m != "" {
			t.Errorf("%s: %q in %q", where, m, text)
		}
		if where == "help screen" {
			continue // the answers file's keys are the ids, and its help lists them
		}
		for _, id := range ids {
			if strings.Contains(text, id) {
				t.Errorf("%s: question id %q in %q", where, id, text)
			}
		}
	}
}
