package guide

import (
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
	"time"

	"knead/coach"
	"knead/journal"
	"knead/routines"
	"knead/screening"
)

var reportDay = time.Date(2026, 10, 1, 18, 0, 0, 0, time.UTC)

// courseJournal is a fixed journal: Anna, 12 sessions over 12 days with
// ratings, one stopped for pain, one for a warning sign, one interrupted,
// and her screenings; and 3 sessions of self-massage.
func courseJournal(t *testing.T, partner string) *journal.Store {
	t.Helper()
	store := openStore(t)
	record := func(name string, mode screening.Mode, day, course int, pains []int, outcome coach.Outcome, reason string) {
		t.Helper()
		p, err := store.Person(name, mode)
		if err != nil {
			t.Fatal(err)
		}
		at := reportDay.Add(time.Duration(day) * 24 * time.Hour)
		id, err := store.StartSession(p.ID, "lumbar-partner", 8, course, at)
		if err != nil {
			t.Fatal(err)
		}
		var recs []coach.Record
		for i, pain := range pains {
			when := at.Add(time.Duration(i) * 150 * time.Second)
			if i > 0 {
				recs = append(recs, coach.Record{At: when, Cue: &coach.Cue{Kind: coach.CueStepStart, Step: i - 1, Title: "step"}})
			}
			recs = append(recs, coach.Record{At: when.Add(time.Second), Event: &coach.Event{Kind: coach.Rate, Pain: pain}})
		}
		final := pains[len(pains)-1]
		sum := coach.Summary{Routine: "lumbar-partner", StartedAt: at, Baseline: pains[0], Final: final, Outcome: outcome,
			Active: time.Duration(len(pains)) * 150 * time.Second, StepsCompleted: len(pains) - 1, StepsPlanned: 8}
		if outcome == coach.Stopped {
			sum.StopReason = reason
			recs = append(recs, coach.Record{At: at.Add(time.Duration(len(pains)) * 150 * time.Second), Cue: &coach.Cue{Kind: coach.CueStop, Step: len(pains) - 2, Text: reason}})
		}
		if outcome == coach.Interrupted {
			sum.Final = -1
		}
		if err := store.NewRecorder(id).Write(journal.Batch{Records: recs, Summary: sum, State: coach.State{Phase: coach.Done}}); err != nil {
			t.Fatal(err)
		}
	}
	anna := [][]int{{6, 6, 5, 5}, {6, 5, 5, 5}, {5, 5, 4, 4}, {5, 6, 7}, {5, 4, 4, 4}, {5, 5}, {4, 4, 3, 3}, {4, 3, 3, 3}, {4, 4, 5}, {3, 3, 2, 2}, {3, 2, 2, 2}, {2, 2, 2, 2}}
	for i, pains := range anna {
		outcome, reason := coach.Completed, ""
		switch i {
		case 3:
			outcome, reason = coach.Stopped, "pain rose from 5 to 7"
		case 5:
			outcome = coach.Interrupted
		case 8:
			outcome, reason = coach.Stopped, "a warning sign (sharp or shooting pain, numbness or tingling)"
		}
		record(partner, screening.Partner, i, i+1, pains, outcome, reason)
	}
	for i := range 3 {
		record("", screening.Self, i*2, i+1, []int{4, 3, 3}, coach.Completed, "")
	}
	p, _ := store.Person(partner, screening.Partner)
	q := screening.Default()
	for _, c := range []screening.Clearance{
		{Level: screening.Clear, GivenAt: reportDay.Add(-time.Hour)},
		{Level: screening.Gentle, GivenAt: reportDay.Add(9*24*time.Hour - time.Hour), Reasons: []screening.Reason{{Question: "osteoporosis"}}},
	} {
		if err := store.SaveScreening(p.ID, c); err != nil {
			t.Fatal(err)
		}
	}
	hernia, _ := q.Question("hernia")
	yes, _ := screening.ParseAnswer(hernia, "no")
	if err := store.SaveStandingAnswers(p, q, screening.Answers{"hernia": yes}, reportDay.Add(-time.Hour)); err != nil {
		t.Fatal(err)
	}
	return store
}

func writeTestReport(t *testing.T, store *journal.Store, person string) string {
	t.Helper()
	lib, err := routines.BuiltIn()
	if err != nil {
		t.Fatal(err)
	}
	path, err := WriteReport(store, screening.Default(), ReportOptions{Person: person, Dir: t.TempDir(), Now: reportDay.Add(13 * 24 * time.Hour), Library: lib})
	if err != nil {
		t.Fatal(err)
	}
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	if info, _ := os.Stat(path); info.Mode().Perm() != 0o600 {
		t.Errorf("report mode %04o", info.Mode().Perm())
	}
	return string(data)
}

// The report of a course: a golden of the HTML, the chart's points, and
// the sections in order.
func TestGoldenReport(t *testing.T) {
	local := time.Local
	time.Local = time.UTC
	defer func() { time.Local = local }()
	html := writeTestReport(t, courseJournal(t, "Anna"), "Anna")
	if got := strings.Count(html, `class="before point"`); got != 12 {
		t.Errorf("%d points before, want 12", got)
	}
	if got := strings.Count(html, `class="after point"`) + strings.Count(html, `class="stop point"`); got != 11 {
		t.Errorf("%d points after, want 11 (the interrupted session has none)", got)
	}
	if got := strings.Count(html, `class="stop point"`); got != 2 {
		t.Errorf("%d stop marks, want 2", got)
	}
	last := -1
	for _, section := range []string{"Summary", "Pain over time", "Sessions", "Stops and warning signs", "Screenings", "Standing answers"} {
		i := strings.Index(html, "<h2>"+section) + strings.Index(html, "<h3>"+section) + 1
		if i <= last {
			t.Errorf("section %q missing or out of order", section)
		}
		last = i
	}
	for _, want := range []string{"Trend: better: pain 6 before the first session (1 Oct), 2 after the session of 12 Oct.", "12 sessions, 2 sessions stopped, 1 session interrupted.",
		"interrupted at step", "a warning sign (sharp or shooting pain", "GENTLE", "osteoporosis"} {
		if !strings.Contains(html, want) {
			t.Errorf("report lacks %q", want)
		}
	}
	golden(t, "report-anna.html", html)
}

// Names and reasons are user text: escaped, and no URL but the user's own
// (escaped) text; nothing is fetched from a network.
func TestReportEscapesAndFetchesNothing(t *testing.T) {
	t.Parallel()
	name := `<script>alert("x")</script> "Anna" http://evil.example`
	html := writeTestReport(t, courseJournal(t, name), name)
	path, err := WriteReport(courseJournal(t, name), screening.Default(), ReportOptions{Person: name, Dir: t.TempDir(), Now: reportDay})
	if err != nil || filepath.Base(path) != "knead-report-script-alert-x-script-Anna-http-evil-exa-2026-10-01.html" {
		t.Errorf("file name %q, %v", filepath.Base(path), err)
	}
	if strings.Contains(html, "<script>") || strings.Contains(html, `"Anna"`) {
		t.Fatalf("the name is not escaped")
	}
	if !strings.Contains(html, "&lt;script&gt;") {
		t.Fatalf("the name is missing")
	}
	urls := regexp.MustCompile(`https?://[^\s"'<>)]*`).FindAllString(html, -1)
	for _, u := range urls {
		if u != "http://evil.example" {
			t.Errorf("a network reference: %s", u)
		}
	}
	for _, ref := range []string{"<link", "<script", "src=", "@import", "url("} {
		if strings.Contains(html, ref) {
			t.Errorf("the report refers to something outside it: %s", ref)
		}
	}
}

// Without a person, a journal of two people asks whose report; one with
// nobody says so.
func TestReportPerson(t *testing.T) {
	t.Parallel()
	store := courseJournal(t, "Anna")
	if _, err := WriteReport(store, screening.Default(), ReportOptions{Dir: t.TempDir(), Now: reportDay}); err == nil || !strings.Contains(err.Error(), "Anna, me") {
		t.Errorf("two people: %v", err)
	}
	if _, err := WriteReport(store, screening.Default(), ReportOptions{Person: "Bo", Dir: t.TempDir(), Now: reportDay}); err == nil || err.Error() != "no sessions for Bo" {
		t.Errorf("nobody: %v", err)
	}
	if path, err := WriteReport(store, screening.Default(), ReportOptions{Person: "self", Dir: t.TempDir(), Now: reportDay}); err != nil || !strings.Contains(path, "knead-report-self-") {
		t.Errorf("--person self, as the report calls the user: %q %v", path, err)
	}
	later := time.Date(2030, 1, 1, 0, 0, 0, 0, time.Local)
	if _, err := WriteReport(store, screening.Default(), ReportOptions{Person: "Anna", Since: later, Dir: t.TempDir(), Now: reportDay}); err == nil || err.Error() != "no sessions for Anna since Tue 1 Jan 2030" {
		t.Errorf("none since: %v", err)
	}
	if _, err := WriteReport(store, screening.Default(), ReportOptions{Person: "Anna", Out: filepath.Join(t.TempDir(), "no", "such.html"), Now: reportDay}); err == nil || !strings.Contains(err.Error(), "no such file or directory; write it in a folder you can write to") {
		t.Errorf("no folder: %v", err)
	}
}

// A report is never written over a file that is not an earlier report,
// nor through a link.
func TestAReportKeepsOtherFiles(t *testing.T) {
	t.Parallel()
	store := courseJournal(t, "Anna")
	dir := t.TempDir()
	notes := filepath.Join(dir, "notes.txt")
	os.WriteFile(notes, []byte("my notes"), 0o600)
	link := filepath.Join(dir, "link.html")
	os.Symlink(notes, link)
	for _, out := range []string{notes, link} {
		if _, err := WriteReport(store, screening.Default(), ReportOptions{Person: "Anna", Out: out, Now: reportDay}); err == nil {
			t.Errorf("%s was written over", out)
		}
	}
	if data, _ := os.ReadFile(notes); string(data) != "my notes" {
		t.Fatalf("the notes became %q", data)
	}
}

// A report written over an older, readable file leaves it private.
func TestAReportWrittenOverAFileMakesItPrivate(t *testing.T) {
	t.Parallel()
	store := courseJournal(t, "Anna")
	out := filepath.Join(t.TempDir(), "old.html")
	if err := os.WriteFile(out, []byte("<title>Back massage report: Anna</title> an older one"), 0o644); err != nil {
		t.Fatal(err)
	}
	if _, err := WriteReport(store, screening.Default(), ReportOptions{Person: "Anna", Out: out, Now: reportDay}); err != nil {
		t.Fatal(err)
	}
	if info, _ := os.Stat(out); info.Mode().Perm() != 0o600 {
		t.Fatalf("mode %04o", info.Mode().Perm())
	}
}

// A browser prints the report: every session's date and the summary are
// in the PDF, on the pages the sections imply.
func TestReportPrintsInABrowser(t *testing.T) {
	browser := ""
	for _, b := range []string{"chromium-headless-shell", "chromium", "chrome-headless-shell", "google-chrome"} {
		if p, err := exec.LookPath(b); err == nil {
			browser = p
			break
		}
	}
	if browser == "" {
		t.Skip("no headless Chromium (Debian: apt-get install chromium-headless-shell)")
	}
	if _, err := exec.LookPath("pdftotext"); err != nil {
		t.Skip("no pdftotext (Debian: apt-get install poppler-utils)")
	}
	local := time.Local
	time.Local = time.UTC
	defer func() { time.Local = local }()
	store := courseJournal(t, "Anna")
	path, err := WriteReport(store, screening.Default(), ReportOptions{Person: "Anna", Dir: t.TempDir(), Now: reportDay.Add(13 * 24 * time.Hour)})
	if err != nil {
		t.Fatal(err)
	}
	dir := t.TempDir()
	pdf := filepath.Join(dir, "report.pdf")
	cmd := exec.Command(browser, "--headless", "--no-sandbox", "--disable-gpu", "--no-pdf-header-footer", "--user-data-dir="+filepath.Join(dir, "profile"), "--print-to-pdf="+pdf, "file://"+path)
	if out, err := cmd.CombinedOutput(); err != nil {
		t.Fatalf("%s: %v\n%s", browser, err, out)
	}
	text, err := exec.Command("pdftotext", pdf, "-").Output()
	if err != nil {
		t.Fatal(err)
	}
	flat := strings.Join(strings.Fields(string(text)), " ")
	for day := range 12 {
		date := reportDay.Add(time.Duration(day) * 24 * time.Hour).Format("2 Jan")
		if !strings.Contains(flat, date+" 18:00") {
			t.Errorf("the PDF lacks the session of %s", date)
		}
	}
	if !strings.Contains(flat, "Trend: better: pain 6 before the first session (1 Oct), 2 after the session of 12 Oct.") {
		t.Errorf("the PDF lacks the summary:\n%s", text)
	}
	// Three sections start on their own page: the summary and chart, the
	// sessions, the stops and screenings.
	if pages := strings.Count(string(text), "\f"); pages != 3 {
		t.Errorf("%d pages, want 3", pages)
	}
}

var updateGolden = os.Getenv("KNEAD_UPDATE_GOLDEN") != ""

// golden compares got with testdata/NAME; KNEAD_UPDATE_GOLDEN=1 rewrites it.
func golden(t *testing.T, name, got string) {
	t.Helper()
	path := filepath.Join("testdata", name)
	if updateGolden {
		if err := os.WriteFile(path, []byte(got), 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	want, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("%v (KNEAD_UPDATE_GOLDEN=1 go test ./guide writes it)", err)
	}
	if string(want) != got {
		t.Errorf("%s differs from the golden file", name)
	}
}

// A worse rating at the stop prompt adds to the same stop: the report
// lists one stop with every reason.
func TestOneStopIsOneRow(t *testing.T) {
	t.Parallel()
	store := openStore(t)
	clock := &testClock{now: testStart}
	f := screened(t, screening.Self, "", store, clock)
	must(t, f, Act(Continue), Action{Kind: ChooseSide, Side: coach.Left}, PainAction(3), Act(Continue), Act(Stop), PainAction(5), Act(EndSession))
	sessions, _ := store.Sessions(journal.Filter{})
	stops, err := store.Stops(sessions)
	if err != nil || len(stops) != 1 || stops[0].Reason != "you asked to stop; pain rose from 3 to 5" {
		t.Fatalf("stops %+v, %v", stops, err)
	}
}
