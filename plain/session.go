package plain

import (
	"errors"
	"fmt"
	"io"
	"strconv"
	"strings"
	"time"

	"knead/coach"
	"knead/journal"
	"knead/routines"
	"knead/screening"
	"knead/voice"
)

// Options configure a plain-text run.
type Options struct {
	Library       *routines.Library
	Questions     *screening.Questionnaire
	Clock         coach.Clock // nil means the system clock
	Mode          screening.Mode
	RoutineID     string
	Rehearse      bool
	Speed         float64
	SessionNumber int
	PartnerName   string
	// Journal records the screening and the session; nil runs unsaved.
	Journal *journal.Store
	// Voice speaks the cues; nil is silent.
	Voice          *voice.Speaker
	CheckInAtSides bool
}

// Exit statuses of a plain run that ends at screening.
const (
	ExitStop   = 3
	ExitUrgent = 4
)

// engine is a session or a rehearsal.
type engine interface {
	Handle(coach.Event) ([]coach.Cue, error)
	State() coach.State
	Summary() coach.Summary
	Routine() *routines.Routine
}

// Run is the whole guided flow as plain lines: screening, the routine, every
// step with a line at its start, the side switch, each minute, ten seconds
// before its end and at its end, the check-ins, the rest and the summary.
// While a step runs, a line with a number reports pain, w a warning sign,
// s stop, p pause or resume, n next, + 30 s more, q quit.
func Run(opts Options, in io.Reader, out io.Writer) (int, error) {
	if opts.Clock == nil {
		opts.Clock = coach.SystemClock{}
	}
	if opts.Speed <= 0 {
		opts.Speed = 1
	}
	p := NewPrompter(in, out)
	var e engine
	var saver *logSaver
	var initial []coach.Cue
	if opts.Rehearse {
		r, ok := opts.Library.Get(opts.RoutineID)
		if !ok {
			return 1, fmt.Errorf("no routine with id %q", opts.RoutineID)
		}
		opts.Clock = coach.Scaled(opts.Clock, opts.Speed)
		p.Say("Rehearsal — no massage. %s at %gx speed.", r.Title, opts.Speed)
		rh := coach.NewRehearsal(r, opts.Clock)
		rh.Handle(coach.E(coach.Confirm))
		rh.Handle(coach.SideEvent(coach.SideNone))
		initial, _ = rh.Handle(coach.RateEvent(0))
		sayCues(p, initial)
		e = rh
	} else {
		s, rec, code, err := screenAndStart(opts, p)
		if s == nil {
			return code, err
		}
		e = s
		if rec != nil {
			saver = &logSaver{rec: rec, s: s, p: p}
		}
	}
	r := &runner{p: p, e: e, clock: opts.Clock, speed: opts.Speed, lastMinute: shownSeconds(e.State().Total) / 60, saver: saver,
		voice: opts.Voice, partner: opts.Mode == screening.Partner}
	r.speakCues(initial)
	err := r.loop()
	r.summary()
	if err != nil {
		return 1, err
	}
	return 0, nil
}

// screenAndStart runs the screening and the routine choice, and builds the
// session. A nil session comes with the exit status to end with.
func screenAndStart(opts Options, p *Prompter) (*coach.Session, *journal.Recorder, int, error) {
	var remembered Remembered
	if opts.Journal != nil {
		remembered = func(mode screening.Mode) (screening.Answers, time.Time) {
			person, err := opts.Journal.Person(opts.PartnerName, mode)
			if err != nil {
				return nil, time.Time{}
			}
			a, at, _ := opts.Journal.StandingAnswers(person.ID, opts.Questions, opts.Clock.Now())
			return a, at
		}
	}
	mode, answers, err := AskScreening(opts.Questions, opts.Mode, p, remembered)
	if err != nil {
		return nil, nil, 1, err
	}
	c, err := opts.Questions.Evaluate(mode, answers, opts.Clock.Now())
	if err != nil {
		return nil, nil, 1, err
	}
	allowed := c.Allowed(opts.Library.All())
	PrintClearance(p.out, c, allowed)
	var person journal.Person
	if opts.Journal != nil {
		person, err = opts.Journal.Person(opts.PartnerName, mode)
		if err == nil {
			err = opts.Journal.SaveScreening(person.ID, c)
		}
		if err == nil {
			err = opts.Journal.SaveStandingAnswers(person.ID, opts.Questions, answers, c.GivenAt)
		}
		if err != nil {
			p.Say("The history could not be written: %v", err)
			opts.Journal = nil
		}
	}
	switch c.Level {
	case screening.Stop:
		return nil, nil, ExitStop, nil
	case screening.Urgent:
		return nil, nil, ExitUrgent, nil
	}
	if opts.Journal != nil {
		course, err := opts.Journal.CourseFor(person.Name, c.GivenAt)
		if err != nil {
			p.Say("This session will not be saved: %v", err)
			opts.Journal = nil
		} else {
			opts.SessionNumber = course.Number
			sayCourse(p, course)
		}
	} else {
		p.Say("This session will not be saved: the history is not available.")
	}
	var r *routines.Routine
	if opts.RoutineID != "" {
		chosen, _ := opts.Library.Get(opts.RoutineID)
		if ok, why := c.Allows(chosen); ok {
			r = chosen
		} else {
			p.Say("%s is not available today: %s.", opts.RoutineID, why)
		}
	}
	if r == nil {
		if len(allowed) == 0 {
			p.Say("No routine is allowed today.")
			return nil, nil, 0, nil
		}
		for i, a := range allowed {
			p.Say("%d) %s: %s, %s, %s", i+1, a.ID, a.Title, routines.HumanDuration(a.Total()), a.Intensity())
		}
		err := p.Ask("Which routine? Type its number.", func(s string) error {
			n, err := strconv.Atoi(s)
			if err != nil || n < 1 || n > len(allowed) {
				return fmt.Errorf("type a number from 1 to %d", len(allowed))
			}
			r = allowed[n-1]
			return nil
		})
		if err != nil {
			return nil, nil, 1, fmt.Errorf("no routine was chosen: %w", err)
		}
	}
	s, err := coach.New(r, c, opts.Clock, coach.Options{SessionNumber: opts.SessionNumber, CheckInAtSides: opts.CheckInAtSides})
	if err != nil {
		return nil, nil, 1, err
	}
	if opts.Journal == nil {
		return s, nil, 0, nil
	}
	id, err := opts.Journal.StartSession(person.ID, r.ID, len(s.Steps()), opts.SessionNumber, opts.Clock.Now())
	if err != nil {
		p.Say("This session will not be saved: %v", err)
		return s, nil, 0, nil
	}
	return s, opts.Journal.NewRecorder(id), 0, nil
}

// sayCourse tells where the session stands in its course.
func sayCourse(p *Prompter, c journal.Course) {
	line := fmt.Sprintf("Session %d of %d.", c.Number, c.Of)
	if c.DaysSinceLast >= 0 {
		line += fmt.Sprintf(" %d days since the last.", c.DaysSinceLast)
	}
	p.Say("%s", line)
	for _, a := range c.Advice {
		p.Say("%s", a)
	}
}

// logSaver writes the session's log to the journal after every event. A
// failed write (a full disk) is said once; the session goes on.
type logSaver struct {
	rec     *journal.Recorder
	s       *coach.Session
	p       *Prompter
	written int
	failed  bool
}

func (l *logSaver) save() {
	log := l.s.Log()
	if len(log) == l.written || l.failed {
		return
	}
	err := l.rec.Write(journal.Batch{From: l.written, Records: log[l.written:], Summary: l.s.Summary(), State: l.s.State()})
	l.written = len(log)
	if err != nil {
		l.failed = true
		l.p.Say("Warning: the history could not be written (%v); the session goes on but is not saved.", err)
	}
}

// runner drives an engine from lines and a timer.
type runner struct {
	voice      *voice.Speaker
	voiceSeq   int64
	partner    bool
	saver      *logSaver
	p          *Prompter
	e          engine
	clock      coach.Clock
	speed      float64
	lastMinute int
}

func (r *runner) handle(ev coach.Event) {
	cues, err := r.e.Handle(ev)
	if r.saver != nil {
		r.saver.save()
	}
	sayCues(r.p, cues)
	r.speakCues(cues)
	for _, c := range cues {
		if c.Kind == coach.CueStepStart || c.Kind == coach.CueRestStart {
			r.lastMinute = c.Duration / 60
		}
	}
	var nn *coach.NotNowError
	if errors.As(err, &nn) {
		r.p.Say("  (%s)", err)
	}
}

// speakCues hands the cues' words to the voice, if there is one.
func (r *runner) speakCues(cues []coach.Cue) {
	for _, c := range cues {
		if w := voice.Words(c, r.partner); w != "" {
			r.voiceSeq++
			r.voice.Say(r.voiceSeq, w)
		}
	}
}

// loop runs until the session is done, or the input ends at a prompt.
func (r *runner) loop() error {
	for {
		st := r.e.State()
		if st.Phase == coach.Done {
			return nil
		}
		var err error
		switch {
		case st.Prompt == coach.StopPrompt:
			err = r.askStop(st)
		case st.Prompt == coach.EasePrompt:
			err = r.p.Ask(fmt.Sprintf("Ease the pressure: the pain went up from %d to %d. Press enter to go on, s to stop.", st.Baseline, st.LastPain), func(s string) error {
				r.line(s, coach.E(coach.Ack))
				return nil
			})
		case st.Prompt == coach.GapPrompt:
			err = r.p.Ask("The clock jumped (the computer slept). The step is paused. Press enter to resume, r to restart the step.", func(s string) error {
				r.line(s, coach.E(coach.ResumeStep))
				return nil
			})
		case st.Phase == coach.Preparation:
			rt := r.e.Routine()
			r.p.Say("Routine: %s. Position: %s", rt.Title, rt.Position)
			for _, item := range rt.Prepare {
				r.p.Say("  - %s", item)
			}
			err = r.p.Ask("Press enter when ready.", func(string) error {
				r.handle(coach.E(coach.Confirm))
				return nil
			})
		case st.Phase == coach.PainfulSide:
			err = r.p.Ask("Which side hurts more? l left, r right, b both, n neither.", func(s string) error {
				side, ok := map[string]coach.Side{"l": coach.Left, "r": coach.Right, "b": coach.SideBoth, "n": coach.SideNone}[strings.ToLower(s)]
				if !ok {
					return errors.New("type l, r, b or n")
				}
				r.handle(coach.SideEvent(side))
				return nil
			})
		case st.Phase == coach.Baseline, st.Phase == coach.CheckIn, st.Phase == coach.FinalPain:
			q := "How is the pain now, 0-10?"
			if st.Phase == coach.Baseline {
				q = "How strong is the pain before you start, 0-10?"
			}
			err = r.p.Ask(q, func(s string) error {
				pain, ok := parsePain(s)
				switch {
				case ok:
					r.handle(coach.RateEvent(pain))
				case st.Phase == coach.CheckIn && (s == "w" || s == "s"):
					r.line(s, coach.Event{})
				default:
					return errors.New("type a number from 0 (no pain) to 10 (worst imaginable)")
				}
				return nil
			})
		default:
			err = r.timed()
		}
		if err != nil {
			r.handle(coach.E(coach.Quit))
			return fmt.Errorf("the session ended because %w before %s", err, st.Phase)
		}
	}
}

func (r *runner) askStop(st coach.State) error {
	r.p.Say("STOP: %s. The clock is frozen.", st.StopReason)
	r.p.Say("Take your hands off and rest. If the pain stays or you feel numbness or tingling, see a doctor.")
	q := "Type e to end the session."
	if st.CanFinishGently {
		q = "Type e to end the session, or g to finish with gentle stroking only (3 minutes at most)."
	}
	return r.p.Ask(q, func(s string) error {
		switch s {
		case "e":
			r.handle(coach.E(coach.EndSession))
		case "g":
			if !st.CanFinishGently {
				return errors.New("only e is possible now")
			}
			r.handle(coach.E(coach.FinishGently))
		default:
			if pain, ok := parsePain(s); ok {
				r.handle(coach.RateEvent(pain))
				return nil
			}
			return errors.New("type e to end the session")
		}
		return nil
	})
}

// timed runs a step or the rest: it wakes when the shown second changes and
// reads lines as they come.
func (r *runner) timed() error {
	var st coach.State
	for {
		st = r.e.State()
		if (st.Phase != coach.Step && st.Phase != coach.Rest) || st.Prompt != coach.NoPrompt {
			return nil
		}
		var timer <-chan time.Time
		if !st.Frozen {
			delay := st.Remaining % time.Second
			if delay == 0 {
				delay = time.Second
			}
			timer = time.After(time.Duration(float64(delay) / r.speed))
		}
		select {
		case line, ok := <-r.p.Lines:
			if !ok {
				if st.Frozen {
					return ErrEndOfInput
				}
				r.p.Lines = nil // no more input: let the clock run
				continue
			}
			r.p.Echo(line)
			r.line(line, coach.Event{})
		case <-timer:
			r.handle(coach.E(coach.Tick))
			r.announceMinute()
		}
	}
}

// announceMinute says how many minutes are left each time the countdown
// passes a whole minute.
func (r *runner) announceMinute() {
	st := r.e.State()
	if st.Phase != coach.Step && st.Phase != coach.Rest {
		return
	}
	secs := shownSeconds(st.Remaining)
	if secs > 0 && secs%60 == 0 && secs/60 < r.lastMinute {
		r.lastMinute = secs / 60
		r.p.Say("%d min left.", r.lastMinute)
	}
}

func shownSeconds(d time.Duration) int {
	return int((d + time.Second - 1) / time.Second)
}

// line maps a typed line to an event; fallback is used for an empty line.
func (r *runner) line(s string, fallback coach.Event) {
	if pain, ok := parsePain(s); ok {
		r.handle(coach.RateEvent(pain))
		return
	}
	st := r.e.State()
	switch strings.ToLower(s) {
	case "":
		if fallback.Kind != 0 {
			r.handle(fallback)
		}
	case "w":
		r.handle(coach.E(coach.Warning))
	case "s":
		r.handle(coach.E(coach.RequestStop))
	case "p":
		if st.Paused {
			r.handle(coach.E(coach.Resume))
			r.p.Say("Resumed: %s left.", clock(r.e.State().Remaining))
		} else {
			r.handle(coach.E(coach.Pause))
			r.p.Say("Paused at %s. Type p to resume.", clock(r.e.State().Remaining))
		}
	case "n":
		r.handle(coach.E(coach.Next))
	case "b":
		r.handle(coach.E(coach.Back))
	case "+":
		r.handle(coach.E(coach.Extend))
		r.p.Say("30 seconds more: %s left.", clock(r.e.State().Remaining))
	case "r":
		r.handle(coach.E(coach.RestartStep))
	case "q":
		r.handle(coach.E(coach.Quit))
	default:
		if fallback.Kind != 0 {
			r.handle(fallback)
			return
		}
		r.p.Say("  (type a pain number 0-10, w warning sign, s stop, p pause, n next, + more time, q quit)")
	}
}

// parsePain reads 0–10 (t also means 10, as in the full-screen app).
func parsePain(s string) (int, bool) {
	if s == "t" {
		return 10, true
	}
	n, err := strconv.Atoi(s)
	if err != nil || n < 0 || n > 10 {
		return 0, false
	}
	return n, true
}

// sayCues prints one line per cue worth saying.
func sayCues(p *Prompter, cues []coach.Cue) {
	for _, c := range cues {
		switch c.Kind {
		case coach.CueStepStart:
			side := ""
			if c.Side != "" {
				side = fmt.Sprintf(" Start on the %s side.", c.Side)
			}
			p.Say("Step %d: %s, %s. %s%s", c.Step+1, c.Title, routines.HumanDuration(time.Duration(c.Duration)*time.Second), c.Text, side)
		case coach.CueSideSwitch:
			p.Say("Switch sides: now the %s side.", c.Side)
		case coach.CueTenSeconds:
			p.Say("10 seconds left.")
		case coach.CueStepEnd:
			p.Say("Step %d done.", c.Step+1)
		case coach.CueRestStart:
			p.Say("Massage done. Rest for %s. %s", routines.HumanDuration(time.Duration(c.Duration)*time.Second), c.Text)
		case coach.CueRestEnd:
			p.Say("Rest done.")
		case coach.CueEase:
			p.Say("Ease the pressure: %s.", c.Text)
		case coach.CueGap:
			p.Say("The clock jumped: the step was paused.")
		}
	}
}

func (r *runner) summary() {
	sum := r.e.Summary()
	pain := func(v int) string {
		if v < 0 {
			return "-"
		}
		return strconv.Itoa(v)
	}
	r.p.Say("Summary: %s, %s. Pain before %s, after %s. Steps done %d of %d. Massage time %s, rest %s.",
		r.e.Routine().Title, sum.Outcome, pain(sum.Baseline), pain(sum.Final), sum.StepsCompleted, sum.StepsPlanned, clock(sum.Active), clock(sum.Rest))
	if sum.StopReason != "" {
		r.p.Say("Stopped because %s.", sum.StopReason)
	}
	for _, a := range sum.Advice {
		r.p.Say("%s", a)
	}
}

// clock formats a duration as M:SS, rounding up.
func clock(d time.Duration) string {
	secs := shownSeconds(d)
	return fmt.Sprintf("%d:%02d", secs/60, secs%60)
}
