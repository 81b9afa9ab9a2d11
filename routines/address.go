package routines

import "strings"

// Addressed returns a copy of r whose texts name the person massaged
// instead of "your partner": "Anna lies face down", "let Anna rest". With
// no name r itself is returned. A caregiver reads the steps with the
// partner beside them, so the name is what they expect to read.
func Addressed(r *Routine, name string) *Routine {
	if r == nil || name == "" {
		return r
	}
	c := *r
	c.Title = nameIn(r.Title, name)
	c.Position = nameIn(r.Position, name)
	c.Prepare = make([]string, len(r.Prepare))
	for i, p := range r.Prepare {
		c.Prepare[i] = nameIn(p, name)
	}
	c.Steps = make([]Step, len(r.Steps))
	for i, s := range r.Steps {
		s.Title = nameIn(s.Title, name)
		s.Cue = nameIn(s.Cue, name)
		s.Direction = nameIn(s.Direction, name)
		c.Steps[i] = s
	}
	c.Aftercare.Advice = nameIn(r.Aftercare.Advice, name)
	return &c
}

// nameIn puts name where text says "your partner"; a name needs no
// capital of its own at the start of a sentence.
func nameIn(text, name string) string {
	if text == "" {
		return text
	}
	return strings.NewReplacer("Your partner", name, "your partner", name).Replace(text)
}
