package com.bazaar.bench;

import java.util.Collections;
import java.util.EnumMap;
import java.util.Map;
import java.util.random.RandomGenerator;

/** A weighted choice of actions, parsed from {@code browse=50,search=20,...}. */
public final class Mix {

  private final Map<Action, Integer> weights;
  private final Action[] actions;
  private final int[] cumulative;
  private final int total;

  private Mix(Map<Action, Integer> weights) {
    this.weights = Collections.unmodifiableMap(new EnumMap<>(weights));
    this.actions = weights.keySet().toArray(Action[]::new);
    this.cumulative = new int[actions.length];
    int sum = 0;
    for (int i = 0; i < actions.length; i++) {
      sum += weights.get(actions[i]);
      cumulative[i] = sum;
    }
    this.total = sum;
  }

  public static Mix parse(String spec) {
    if (spec == null || spec.isBlank()) {
      throw new IllegalArgumentException("mix is empty");
    }
    Map<Action, Integer> weights = new EnumMap<>(Action.class);
    for (String part : spec.split(",")) {
      String[] kv = part.split("=", -1);
      if (kv.length != 2 || kv[0].isBlank() || kv[1].isBlank()) {
        throw new IllegalArgumentException("mix entry '" + part.trim() + "' is not action=weight");
      }
      Action action = Action.parse(kv[0]);
      int weight;
      try {
        weight = Integer.parseInt(kv[1].trim());
      } catch (NumberFormatException e) {
        throw new IllegalArgumentException("weight of " + action.label() + " is not a whole number: '" + kv[1].trim() + "'");
      }
      if (weight < 0) {
        throw new IllegalArgumentException("weight of " + action.label() + " is negative");
      }
      if (weights.put(action, weight) != null) {
        throw new IllegalArgumentException(action.label() + " appears twice in the mix");
      }
    }
    weights.values().removeIf(w -> w == 0);
    if (weights.isEmpty()) {
      throw new IllegalArgumentException("mix has no action with a positive weight");
    }
    return new Mix(weights);
  }

  public Action next(RandomGenerator random) {
    int r = random.nextInt(total);
    for (int i = 0; i < cumulative.length; i++) {
      if (r < cumulative[i]) {
        return actions[i];
      }
    }
    throw new IllegalStateException("unreachable");
  }

  public Map<Action, Integer> weights() {
    return weights;
  }

  public double share(Action action) {
    return weights.getOrDefault(action, 0) / (double) total;
  }

  @Override
  public String toString() {
    StringBuilder sb = new StringBuilder();
    weights.forEach((a, w) -> sb.append(sb.isEmpty() ? "" : ",").append(a.label()).append('=').append(w));
    return sb.toString();
  }
}
