package plain

import (
	"fmt"
	"io"
	"strconv"
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
		rh := coach.NewRehearsal(r, opts.Clock, opts.Speed)
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
			return opts.Journal.Recall(opts.PartnerName, mode, opts.Questions, opts.Clock.Now())
		}
	}
	walk, err := AskScreening(opts.Questions, opts.Mode, opts.PartnerName, p, remembered)
	if err != nil {
		return nil, nil, 1, err
	}
	mode := walk.Mode()
	c, err := walk.Clearance(opts.Clock.Now())
	if err != nil {
		return nil, nil, 1, err
	}
	allowed := c.Allowed(opts.Library.All())
	PrintClearance(p.out, c, allowed)
	var person journal.Person
	if opts.Journal != nil {
		person, err = opts.Journal.RecordScreening(opts.PartnerName, mode, opts.Questions, c, walk.Fresh())
		if err != nil {
			p.Say("The history could not be written: %v", err)
			opts.Journal = nil
		}
	}
	if code := c.Level.ExitStatus(); code != 0 {
		return nil, nil, code, nil
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
