package journal

import (
	"bytes"
	"strings"
	"testing"
	"time"

	"knead/coach"
	"knead/screening"
)

// The exports carry every pain rating with its time into the session and
// its step, as a doctor would read them.
func TestRatingsInTheExports(t *testing.T) {
	t.Parallel()
	store, _, err := Open(t.TempDir())
	if err != nil {
		t.Fatal(err)
	}
	defer store.Close()
	start := time.Date(2026, 11, 20, 9, 0, 0, 0, time.UTC)
	p, _ := store.Person("", screening.Self)
	id, err := store.StartSession(p.ID, "lumbar-self", 4, 1, start)
	if err != nil {
		t.Fatal(err)
	}
	rate := func(pain int) *coach.Event { e := coach.RateEvent(pain); return &e }
	records := []coach.Record{
		{At: start, Event: rate(3)},
		{At: start.Add(5 * time.Second), Cue: &coach.Cue{Kind: coach.CueStepStart, Step: 0}},
		{At: start.Add(70 * time.Second), Event: rate(4)},
		{At: start.Add(130 * time.Second), Cue: &coach.Cue{Kind: coach.CueStepStart, Step: 1}},
		{At: start.Add(200 * time.Second), Event: rate(5)},
	}
	if err := store.NewRecorder(id).Write(Batch{Records: records, Summary: coach.Summary{Baseline: 3, Final: 5}}); err != nil {
		t.Fatal(err)
	}
	sessions, _ := store.Sessions(Filter{})
	if err := store.WithRatings(sessions); err != nil {
		t.Fatal(err)
	}
	var csvOut, jsonOut bytes.Buffer
	WriteCSV(&csvOut, sessions)
	WriteJSON(&jsonOut, sessions)
	if want := ",0:00 before: 3; 1:10 step 1: 4; 3:20 step 2: 5,false\n"; !strings.HasSuffix(csvOut.String(), want) {
		t.Errorf("csv:\n%s\nwant the row to end %q", csvOut.String(), want)
	}
	compact := strings.Join(strings.Fields(jsonOut.String()), "")
	if want := `"ratings":[{"seconds":0,"step":0,"pain":3},{"seconds":70,"step":1,"pain":4},{"seconds":200,"step":2,"pain":5}]`; !strings.Contains(compact, want) {
		t.Errorf("json:\n%s\nwant %s", jsonOut.String(), want)
	}
}
