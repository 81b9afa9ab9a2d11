package cli

import (
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"knead/coach"
	"knead/journal"
	"knead/screening"
)

// seedHistory records two finished sessions and one interrupted one.
func seedHistory(t *testing.T, dataDir string) {
	t.Helper()
	store, _, err := journal.Open(dataDir)
	if err != nil {
		t.Fatal(err)
	}
	defer store.Close()
	start := time.Now().Add(-48 * time.Hour)
	for i, who := range []string{"", "Ann"} {
		mode := screening.Self
		if who != "" {
			mode = screening.Partner
		}
		p, _ := store.Person(who, mode)
		id, err := store.StartSession(p.ID, "gentle-back", 4, i+1, start.Add(time.Duration(i)*time.Hour))
		if err != nil {
			t.Fatal(err)
		}
		sum := coach.Summary{Baseline: 4, Final: 3 + 3*i, StepsCompleted: 4, StepsPlanned: 4, Active: 8 * time.Minute, Outcome: coach.Completed}
		if i == 1 {
			sum.Outcome, sum.StopReason = coach.Stopped, "pain rose from 4 to 6"
		}
		rec := store.NewRecorder(id)
		ev := coach.RateEvent(4)
		if err := rec.Write(journal.Batch{From: 0, Records: []coach.Record{{At: start, Event: &ev}}, Summary: sum, State: coach.State{StepIndex: 3}}); err != nil {
			t.Fatal(err)
		}
	}
	// A session whose process died: started by a child that exits.
	cmd := exec.Command(os.Args[0], "-test.run=^$")
	cmd.Env = append(os.Environ(), "KNEAD_CLI_CHILD_SEED="+dataDir)
	if out, err := cmd.CombinedOutput(); err != nil {
		t.Fatalf("child: %v %s", err, out)
	}
}

// TestMain lets the test binary start a session and die, as a killed knead
// would.
func TestMain(m *testing.M) {
	if dir := os.Getenv("KNEAD_CLI_CHILD_SEED"); dir != "" {
		store, _, err := journal.Open(dir)
		if err != nil {
			panic(err)
		}
		p, _ := store.Person("", screening.Self)
		if _, err := store.StartSession(p.ID, "lumbar-self", 3, 2, time.Now().Add(-24*time.Hour)); err != nil {
			panic(err)
		}
		os.Exit(0)
	}
	os.Exit(m.Run())
}

func TestHistoryTableChartAndExports(t *testing.T) {
	isolate(t)
	seedHistory(t, os.Getenv("KNEAD_DATA_DIR"))
	code, out, errOut := run(t, "", "history")
	if code != 0 {
		t.Fatalf("exit %d: %s", code, errOut)
	}
	for _, want := range []string{"gentle-back", "4 → 3", "stopped: pain rose from 4 to 6", "lumbar-self", "pain   o before  * after  + the same before and after", "me: next is session"} {
		if !strings.Contains(out, want) {
			t.Errorf("history lacks %q:\n%s", want, out)
		}
	}
	// One chart a person.
	if n := strings.Count(out, "pain   o before"); n != 2 {
		t.Errorf("%d charts for two people:\n%s", n, out)
	}
	if code, out, _ := run(t, "", "history", "--person", "Anna"); code != 0 || strings.TrimSpace(out) != "No sessions for Anna." {
		t.Errorf("--person with no sessions: %d %q", code, out)
	}
	code, out, _ = run(t, "", "history", "--csv", "--person", "Ann")
	if code != 0 || !strings.HasPrefix(out, "date,time,person,routine,course_session,minutes,pain_before,pain_after,outcome,stop_reason,steps_done,steps_planned,ratings,finished_gently\n") || strings.Count(out, "\n") != 2 || !strings.Contains(out, ",Ann,gentle-back,2,8.0,4,6,stopped,pain rose from 4 to 6,4,4,") {
		t.Errorf("csv: %d\n%s", code, out)
	}
	code, out, _ = run(t, "", "history", "--json", "--since", time.Now().Format("2006-01-02"))
	if code != 0 || !strings.Contains(out, `"sessions": []`) {
		t.Errorf("json since today: %d\n%s", code, out)
	}
	if code, _, errOut := run(t, "", "history", "--since", "yesterday"); code != 1 || !strings.Contains(errOut, "YYYY-MM-DD") {
		t.Errorf("bad date: %d %s", code, errOut)
	}
}

func TestHistoryShowsInterruptedSessionsAtStart(t *testing.T) {
	isolate(t)
	seedHistory(t, os.Getenv("KNEAD_DATA_DIR"))
	code, out, _ := run(t, "", "history")
	if code != 0 || !strings.Contains(out, "interrupted at step") {
		t.Fatalf("history:\n%s", out)
	}
	// The next knead start says so once.
	_, _, errOut := run(t, strings.Join(noAnswers(), "\n")+"\n", "screen", "--accessible", "--for", "self")
	if !strings.Contains(errOut, "was interrupted at step") {
		t.Fatalf("no notice at start: %s", errOut)
	}
	if _, _, errOut := run(t, strings.Join(noAnswers(), "\n")+"\n", "screen", "--accessible", "--for", "self"); strings.Contains(errOut, "interrupted") {
		t.Fatalf("notice repeated: %s", errOut)
	}
}

func TestHistoryDelete(t *testing.T) {
	isolate(t)
	seedHistory(t, os.Getenv("KNEAD_DATA_DIR"))
	if code, _, errOut := run(t, "", "history", "--delete"); code != 1 || !strings.Contains(errOut, "--delete needs --person") {
		t.Fatalf("delete without person: %d %s", code, errOut)
	}
	if code, _, errOut := run(t, "no\n", "history", "--delete", "--person", "Ann"); code != 1 || !strings.Contains(errOut, "nothing deleted") {
		t.Fatalf("unconfirmed delete: %d %s", code, errOut)
	}
	if code, out, _ := run(t, "yes\n", "history", "--delete", "--person", "Ann"); code != 0 || !strings.Contains(out, "Deleted everything recorded about Ann") {
		t.Fatalf("delete Ann: %d %s", code, out)
	}
	if _, out, _ := run(t, "", "history", "--csv"); strings.Contains(out, "Ann") {
		t.Fatal("Ann still in the history")
	}
	if code, out, _ := run(t, "", "history", "--delete-all", "--yes"); code != 0 || !strings.Contains(out, "Deleted the whole history") {
		t.Fatalf("delete all: %d %s", code, out)
	}
	if _, out, _ := run(t, "", "history"); !strings.Contains(out, "No sessions recorded yet") {
		t.Fatalf("after delete-all: %s", out)
	}
}

func TestCorruptHistoryIsReportedNotOverwritten(t *testing.T) {
	isolate(t)
	dir := os.Getenv("KNEAD_DATA_DIR")
	path := filepath.Join(dir, journal.FileName)
	junk := []byte("this is not a database, but it is someone's file\n")
	writeFile(t, path, string(junk))
	code, _, errOut := run(t, "", "history")
	if code != 1 || !strings.Contains(errOut, path) || !strings.Contains(errOut, "left it untouched") {
		t.Fatalf("exit %d: %s", code, errOut)
	}
	// A screening still runs, and says it will not be saved.
	code, _, errOut = run(t, strings.Join(noAnswers(), "\n")+"\n", "screen", "--accessible", "--for", "self")
	if code != 0 || !strings.Contains(errOut, "will not be saved") {
		t.Fatalf("screen with a corrupt history: %d %s", code, errOut)
	}
	if got, _ := os.ReadFile(path); string(got) != string(junk) {
		t.Fatal("the file was changed")
	}
}

func TestHistoryPractice(t *testing.T) {
	isolate(t)
	if _, out, _ := run(t, "", "history", "--practice"); !strings.Contains(out, "No practice runs yet") {
		t.Fatalf("empty: %s", out)
	}
	store, _, err := journal.Open(os.Getenv("KNEAD_DATA_DIR"))
	if err != nil {
		t.Fatal(err)
	}
	for i, mean := range []time.Duration{4100 * time.Millisecond, 5600 * time.Millisecond} {
		store.SavePractice(journal.PracticeRun{StartedAt: time.Now().Add(time.Duration(i) * time.Hour), Routine: "lumbar-partner", Step: 2,
			Technique: "deep-stroking", Target: 6 * time.Second, Passes: 12, Mean: mean, Spread: 400 * time.Millisecond, Verdict: "v"})
	}
	store.Close()
	_, out, _ := run(t, "", "history", "--practice")
	if !strings.Contains(out, "deep-stroking") || !strings.Contains(out, "4.1 s") || !strings.Contains(out, "5.6 s") {
		t.Fatalf("practice history:\n%s", out)
	}
	if _, out, _ := run(t, "", "history"); !strings.Contains(out, "No sessions recorded yet") {
		t.Fatalf("practice counted as a session:\n%s", out)
	}
	if code, _, errOut := run(t, "", "practice", "lumbar-partner", "99"); code != 1 || !strings.Contains(errOut, "give a number from 1 to 8") {
		t.Fatalf("bad step: %d %s", code, errOut)
	}
	if code, _, errOut := run(t, "", "practice"); code != 1 || !strings.Contains(errOut, "practice needs a terminal") {
		t.Fatalf("no terminal: %d %s", code, errOut)
	}
}
