package routines

import (
	_ "embed"
	"time"

	"github.com/goccy/go-yaml"
)

// Rate is the usual pace of a technique, for steps without a tempo of
// their own: passes a minute, or strikes a second for percussion.
type Rate struct {
	Technique Technique `yaml:"technique"`
	PerMinute []float64 `yaml:"per_minute"`
	PerSecond []float64 `yaml:"per_second"`
	Source    string    `yaml:"source"`
}

// Fastest is the shortest time one pass takes at this rate.
func (r Rate) Fastest() time.Duration {
	if len(r.PerSecond) == 2 {
		return time.Duration(float64(time.Second) / r.PerSecond[1])
	}
	return time.Duration(float64(time.Minute) / r.PerMinute[1])
}

//go:embed tempos.yaml
var ratesYAML []byte

// DefaultRates are the paces of tempos.yaml, by technique.
var DefaultRates = func() map[Technique]Rate {
	var list []Rate
	if err := yaml.Unmarshal(ratesYAML, &list); err != nil {
		panic(err) // embedded data, checked by tests
	}
	m := map[Technique]Rate{}
	for _, r := range list {
		m[r.Technique] = r
	}
	return m
}()
