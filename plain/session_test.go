package plain

import (
	"io"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	"knead/coach"
	"knead/internal/testkit"
	"knead/journal"
	"knead/screening"
	"knead/voice"
)

// syncBuffer is an output the test can read while Run writes to it.
type syncBuffer struct {
	mu sync.Mutex
	b  strings.Builder
}

func (s *syncBuffer) Write(p []byte) (int, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.b.Write(p)
}

func (s *syncBuffer) String() string {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.b.String()
}

// conversation runs the plain flow on a pipe, answering each prompt as it
// appears, the way a script reading the output would.
type conversation struct {
	t    *testing.T
	in   *io.PipeWriter
	out  *syncBuffer
	done chan struct{}
	code int
	err  error
}

func startConversation(t *testing.T, routineID string) *conversation {
	t.Helper()
	return startConversationWith(t, routineID, func(*Options) {})
}

func startConversationWith(t *testing.T, routineID string, configure func(*Options)) *conversation {
	t.Helper()
	lib := testkit.LibraryWithShort(t)
	pr, pw := io.Pipe()
	c := &conversation{t: t, in: pw, out: &syncBuffer{}, done: make(chan struct{})}
	const speed = 20
	opts := Options{
		Library: lib, Questions: screening.Default(), Mode: screening.Self, RoutineID: routineID,
		Clock: coach.Scaled(coach.SystemClock{}, speed), Speed: speed, SessionNumber: 3,
	}
	configure(&opts)
	go func() {
		defer close(c.done)
		c.code, c.err = Run(opts, pr, c.out)
	}()
	return c
}

func (c *conversation) send(lines ...string) {
	for _, l := range lines {
		if _, err := io.WriteString(c.in, l+"\n"); err != nil {
			c.t.Fatal(err)
		}
	}
}

// await waits until text has appeared n times in the output.
func (c *conversation) await(text string, n int) {
	c.t.Helper()
	deadline := time.Now().Add(10 * time.Second)
	for strings.Count(c.out.String(), text) < n {
		if time.Now().After(deadline) {
			c.t.Fatalf("waited for %q (%d times):\n%s", text, n, c.out.String())
		}
		time.Sleep(5 * time.Millisecond)
	}
}

func (c *conversation) finish() string {
	c.t.Helper()
	c.in.Close()
	select {
	case <-c.done:
	case <-time.After(10 * time.Second):
		c.t.Fatalf("Run did not end:\n%s", c.out.String())
	}
	return c.out.String()
}

// noes answers every screening question so that nothing limits the
// massage: n, or y to "has a doctor examined this pain?".
func noes() []string {
	var out []string
	for _, x := range screening.Default().ToAsk(nil) {
		out = append(out, testkit.ClearKey(x))
	}
	return out
}

func TestAccessibleSessionFromStartToSummary(t *testing.T) {
	t.Parallel()
	c := startConversation(t, "short")
	answers := noes()
	answers = append(answers[:1], append([]string{"maybe"}, answers[1:]...)...)
	c.send(answers...)
	c.await("Press enter when ready.", 1)
	c.send("", "x", "l", "3", "")
	for i := 1; i <= 4; i++ {
		c.await("How is the pain now", i)
		c.send("3")
	}
	c.await("Summary:", 1)
	out := c.finish()
	if c.code != 0 || c.err != nil {
		t.Fatalf("exit %d, err %v\n%s", c.code, c.err, out)
	}
	for _, want := range []string{
		Disclaimer,
		"answer with y (yes) or n (no)",
		"2 of 28. Is one of your legs getting weaker",
		"Allowed routines:",
		"type l, r, b or n",
		"Step 1: First strokes, 5 s. Stroke down slowly.",
		"Step 2: Light rubbing, 5 s. Small circles. Start on the right side.",
		"Turn over: now the left side.",
		"Step 3 done.",
		"Massage done. Rest for 5 s.",
		"Summary: Short routine, completed. Pain before 3, after 3. Steps done 3 of 3.",
	} {
		if !strings.Contains(out, want) {
			t.Errorf("output lacks %q", want)
		}
	}
	if t.Failed() {
		t.Log(out)
	}
}

// inFirstStep screens clear, gets ready, says neither side hurts and a
// pain before of 2, and waits for step 1.
func inFirstStep(t *testing.T, routineID string) *conversation {
	t.Helper()
	c := startConversation(t, routineID)
	c.send(noes()...)
	c.await("Press enter when ready.", 1)
	c.send("", "n", "2", "")
	c.await("Step 1:", 1)
	return c
}

func TestAccessiblePainRiseReachesTheStopPrompt(t *testing.T) {
	t.Parallel()
	c := inFirstStep(t, "lumbar-self")
	c.send("4")
	c.await("Type e to end the session, or g to finish", 1)
	c.send("e")
	c.await("Summary:", 1)
	out := c.finish()
	if !strings.Contains(out, "STOP: pain rose from 2 to 4. The clock is frozen at ") || !strings.Contains(out, "The session was stopped: pain rose from 2 to 4.") || strings.Count(out, "rose from 2 to 4") != 2 {
		t.Fatalf("no stop:\n%s", out)
	}
}

func TestAccessibleInputEndingEarly(t *testing.T) {
	t.Parallel()
	c := startConversation(t, "short")
	c.send("n", "n")
	out := c.finish()
	if c.code != 1 || c.err == nil || !strings.Contains(c.err.Error(), "question 3 was not answered: input ended") {
		t.Fatalf("exit %d, err %v\n%s", c.code, c.err, out)
	}
}

func TestAccessibleStopLevelEndsAtScreening(t *testing.T) {
	t.Parallel()
	c := startConversation(t, "short")
	// The stop ends the questionnaire: nothing after fever is asked.
	c.send("n", "n", "y")
	c.await("STOP: no massage today", 1)
	out := c.finish()
	if c.code != screening.ExitStop || strings.Contains(out, "Step 1") {
		t.Fatalf("exit %d:\n%s", c.code, out)
	}
}

func TestAccessibleSessionIsRecorded(t *testing.T) {
	t.Parallel()
	store, _, err := journal.Open(t.TempDir())
	if err != nil {
		t.Fatal(err)
	}
	defer store.Close()
	c := startConversationWith(t, "short", func(o *Options) { o.Journal = store })
	c.send(noes()...)
	c.await("Press enter when ready.", 1)
	c.send("", "l", "3", "")
	for i := 1; i <= 4; i++ {
		c.await("How is the pain now", i)
		c.send("3")
	}
	c.await("Summary:", 1)
	out := c.finish()
	if !strings.Contains(out, "Session 1 of 10.") {
		t.Errorf("no course line:\n%s", out)
	}
	if n := strings.Count(out, Disclaimer); n != 1 {
		t.Errorf("the disclaimer is said %d times", n)
	}
	rows, err := store.Sessions(journal.Filter{})
	if err != nil || len(rows) != 1 {
		t.Fatalf("rows %+v, err %v", rows, err)
	}
	x := rows[0]
	if x.Outcome != "completed" || x.Baseline != 3 || x.Final != 3 || x.StepsDone != 3 || x.Person != "me" || x.CourseNumber != 1 {
		t.Fatalf("recorded %+v", x)
	}
	events, _ := store.Events(x.ID)
	if len(events) < 10 {
		t.Fatalf("only %d events recorded", len(events))
	}
}

func TestRememberedStandingAnswersSkipTheirQuestions(t *testing.T) {
	t.Parallel()
	q := screening.Default()
	kept := screening.Answers{}
	for _, x := range q.ToAsk(nil) {
		if x.Remembered() {
			kept[x.ID] = screening.OptionAnswer(clearValue(x))
		}
	}
	kept["hernia"], kept["hernia-approved"] = screening.Yes, screening.Yes
	remembered := func(screening.Mode) (screening.Answers, time.Time) {
		return kept, time.Date(2026, 11, 1, 0, 0, 0, 0, time.UTC)
	}
	var today []string
	for _, x := range q.ToAsk(nil) {
		if !x.Remembered() {
			today = append(today, testkit.ClearKey(x))
		}
	}
	run := func(mode screening.Mode, name string, first string, lines []string) (*screening.Walk, string) {
		out := &syncBuffer{}
		p := NewPrompter(strings.NewReader(first+"\n"+strings.Join(lines, "\n")+"\n"), out)
		w, err := AskScreening(q, mode, name, p, remembered)
		if err != nil {
			t.Fatalf("%v\n%s", err, out)
		}
		return w, out.String()
	}
	w, out := run(screening.Self, "", "n", today)
	if !strings.Contains(out, "Your lasting conditions, answered on 1 Nov 2026: disc hernia (approved).") || strings.Contains(out, "herniated") {
		t.Fatalf("nothing changed:\n%s", out)
	}
	if c, err := w.Clearance(time.Now()); err != nil || c.Level != screening.Gentle {
		t.Fatalf("level %s, err %v", c.Level, err)
	}
	if len(w.Fresh()) != len(today) {
		t.Errorf("kept answers counted as given afresh: %v", w.Fresh())
	}
	// The prompt names the partner; an empty line is not an answer.
	_, out = run(screening.Partner, "Anna", "", append([]string{"n"}, today...))
	if !strings.Contains(out, "Anna's lasting conditions, answered on 1 Nov 2026") || !strings.Contains(out, "type n (nothing has changed)") {
		t.Fatalf("partner confirmation:\n%s", out)
	}
	// "Something changed" asks every question again.
	var all []string
	for _, x := range q.ToAsk(nil) {
		all = append(all, testkit.ClearKey(x))
	}
	if _, out := run(screening.Self, "", "y", all); !strings.Contains(out, "Do you have a herniated (slipped) disc?") {
		t.Fatalf("asked again:\n%s", out)
	}
}

// clearValue is the value of x's first answer that neither limits nor
// locks.
func clearValue(x *screening.Question) string {
	a, _ := screening.ParseAnswer(x, testkit.ClearKey(x))
	return a.String()
}

// TestAccessibleEmptyLineIsNeverAnAnswer: an empty line re-asks the
// question.
func TestAccessibleEmptyLineIsNeverAnAnswer(t *testing.T) {
	t.Parallel()
	out := &syncBuffer{}
	p := NewPrompter(strings.NewReader("\n\n"), out)
	_, err := AskScreening(screening.Default(), screening.Self, "", p, nil)
	if err == nil || !strings.Contains(err.Error(), "question 1 was not answered") {
		t.Fatalf("err %v\n%s", err, out)
	}
}

// TestAccessibleUrgentEndsTheQuestions: yes to a red flag ends the
// questionnaire with the urgent result and exit status 4.
func TestAccessibleUrgentEndsTheQuestions(t *testing.T) {
	t.Parallel()
	c := startConversation(t, "short")
	c.send("y")
	c.await("URGENT: see a doctor now", 1)
	out := c.finish()
	if c.code != screening.ExitUrgent || strings.Contains(out, "2 of") {
		t.Fatalf("exit %d:\n%s", c.code, out)
	}
}

func TestVoiceSpeaksTheCuesInOrder(t *testing.T) {
	t.Parallel()
	dir := t.TempDir()
	said := filepath.Join(dir, "said.txt")
	script := filepath.Join(dir, "fake-voice")
	os.WriteFile(script, []byte("#!/bin/sh\n[ \"$1\" = -- ] && shift\nprintf '%s\\n' \"$1\" >> "+said+"\n"), 0o755)
	speaker, err := voice.New("sh " + script) // sh: executing a file just written can fail with "text file busy"
	if err != nil {
		t.Fatal(err)
	}
	out := &syncBuffer{}
	code, err := Run(Options{Library: testkit.LibraryWithShort(t), Questions: screening.Default(), RoutineID: "short", Rehearse: true, Speed: 5, Voice: speaker}, strings.NewReader(""), out)
	speaker.Close()
	if code != 0 || err != nil {
		t.Fatalf("exit %d, err %v\n%s", code, err, out)
	}
	data, _ := os.ReadFile(said)
	text := string(data)
	last := 0
	for _, want := range []string{"First strokes. Stroke down slowly.", "Light rubbing. Small circles.", "Turn over. Now the right side.", "Last strokes. Stroke lightly.", "The session is over"} {
		i := strings.Index(text[last:], want)
		if i < 0 {
			t.Fatalf("%q not said in order; said:\n%s", want, text)
		}
		last += i
	}
}

// TestAccessibleWarningAtTheStopPrompt: w is taken at the stop prompt,
// and withdraws finishing gently.
func TestAccessibleWarningAtTheStopPrompt(t *testing.T) {
	t.Parallel()
	c := inFirstStep(t, "lumbar-self")
	c.send("4")
	c.await("or g to finish", 1)
	c.send("w")
	c.await("a warning sign", 1)
	c.send("g", "e")
	c.await("Summary:", 1)
	out := c.finish()
	if !strings.Contains(out, "only e is possible now") || !strings.Contains(out, "see a general practitioner or a neurologist") {
		t.Fatalf("warning at the stop prompt:\n%s", out)
	}
}

// q asks before it ends the session, holding the clock meanwhile, as the
// full screen does.
func TestAccessibleQuitAsksFirst(t *testing.T) {
	t.Parallel()
	c := inFirstStep(t, "lumbar-self")
	c.send("q")
	c.await("End the session now?", 1)
	c.send("n")
	c.await("Going on:", 1)
	c.send("q")
	c.await("End the session now?", 2)
	c.send("y")
	c.await("Summary:", 1)
	out := c.finish()
	if !strings.Contains(out, "ended") || strings.Count(out, "Summary:") != 1 {
		t.Fatalf("quit:\n%s", out)
	}
}

// At the keyboard, the end of a recorded session offers the doctor's
// report; y writes it and says where.
func TestAccessibleOffersTheReport(t *testing.T) {
	atKeyboard = func(*Prompter) bool { return true }
	defer func() { atKeyboard = func(p *Prompter) bool { return !p.echo } }()
	t.Chdir(t.TempDir())
	store, _, err := journal.Open(t.TempDir())
	if err != nil {
		t.Fatal(err)
	}
	defer store.Close()
	c := startConversationWith(t, "short", func(o *Options) { o.Journal = store })
	c.send(noes()...)
	c.await("Press enter when ready.", 1)
	c.send("", "l", "3", "")
	for i := 1; i <= 4; i++ {
		c.await("How is the pain now", i)
		c.send("3")
	}
	c.await("Write a report for a doctor now", 1)
	c.send("y")
	c.await("Report for a doctor written: knead-report-self-", 1)
	c.finish()
	if files, _ := filepath.Glob("knead-report-self-*.html"); len(files) != 1 {
		t.Fatalf("report files: %v", files)
	}
}

// TestAccessibleWarningSignBeforeTheStart: w at the checklist stops the
// session before any step; any other word there is not taken for enter.
func TestAccessibleWarningSignBeforeTheStart(t *testing.T) {
	t.Parallel()
	c := startConversation(t, "short")
	c.send(noes()...)
	c.await("Press enter when ready.", 1)
	c.send("x", "w")
	c.await("Type e to end the session", 1)
	c.send("e")
	c.await("Summary:", 1)
	out := c.finish()
	for _, want := range []string{"press enter when ready, w for a warning sign", "Summary: Short routine, stopped", "Steps done 0 of 3"} {
		if !strings.Contains(out, want) {
			t.Errorf("output lacks %q", want)
		}
	}
	if strings.Contains(out, "Step 1:") {
		t.Error("a step started after the warning sign")
	}
	if t.Failed() {
		t.Log(out)
	}
}

// After q at a prompt, the quit question is the last thing said: the
// prompt it interrupted is not said again before the answer.
func TestAccessibleQuitQuestionIsTheLastThingSaid(t *testing.T) {
	t.Parallel()
	c := inFirstStep(t, "lumbar-self")
	c.send("3")
	c.await("Ease the pressure", 1)
	c.send("q")
	c.await("End the session now?", 1)
	c.send("y")
	c.await("Summary:", 1)
	out := c.finish()
	after := out[strings.Index(out, "End the session now?"):]
	if strings.Contains(after, "Ease the pressure") {
		t.Fatalf("the ease question came again after the quit question:\n%s", after)
	}
}
