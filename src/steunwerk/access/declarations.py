"""What models with client data declare about themselves: which section of the file they are, and how they reach
their trajectory, client or signal. A leaf module: it imports no app, so every app's models can import it."""

from dataclasses import dataclass


class Section:
    IDENTITY = "identity"  # who the client is and how to reach them
    PLAN = "plan"  # trajectory overview, goals, options, plan steps
    FILE = "file"  # profile, quality of life, logbook, evaluations
    SIGNAL = "signal"  # a melding about someone: only the meldpunt and whoever it is assigned to
    CASE = "case"  # an ID-coded network case: also the network's core partners


@dataclass(frozen=True)
class AccessScope:
    """How a model reaches its trajectory (or directly its client) and which section it is."""

    section: str
    trajectory: str | None = None  # path to the trajectory; "" for Trajectory itself
    client: str | None = None  # path to the client, for rows that belong to a client and not a trajectory
    signal: str | None = None  # path to the signal, for signalling data
