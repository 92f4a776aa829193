package io.streamsight.processors.medication.sig;

import java.util.ArrayList;
import java.util.List;

/**
 * Finishes the parts the grammar read: folds advice-only parts into the part before, numbers the
 * steps, carries what a later part leaves unsaid from the part before it, and settles routes.
 *
 * <p>What is carried, and why:
 *
 * <ul>
 *   <li>to a concurrent part ("2 tabs in the morning and 1 at night"): the unit, verb, route and
 *       site, which the writer states once for the whole step;
 *   <li>to a later step of a taper ("2 tabs bid x3d then daily x3d"): also the dose when the step
 *       names none, since "then daily" continues the same dose;
 *   <li>a course length written after the last concurrent part applies to the whole step.
 * </ul>
 *
 * <p>Routes are taken from what the sig says, in this order: an explicit route word; the site (an
 * eye is ophthalmic); the verb when it has only one route (drink, chew, swallow, inhale); the
 * product form when it has only one (cream, patch); a skin site with an applying verb. Nothing else
 * gives a route: a bare "take" or "t1t" has none.
 */
final class PartResolver {

  private PartResolver() {}

  static List<Part> resolve(List<Part> read) {
    List<Part> parts = new ArrayList<>(read.size());
    for (Part p : read) {
      if (!parts.isEmpty()
          && (!p.hasDosingContent() || qualifies(parts.get(parts.size() - 1), p))) {
        fold(parts.get(parts.size() - 1), p);
      } else {
        parts.add(p);
      }
    }
    // a leading part with nothing but a verb folds forward
    if (parts.size() > 1 && !parts.get(0).hasDosingContent()) {
      Part first = parts.remove(0);
      Part next = parts.get(0);
      if (next.method == null) {
        next.method = first.method;
        next.shorthandTake = first.shorthandTake;
      }
      if (first.advice != null) {
        for (String a : first.advice) {
          next.addAdvice(a);
        }
      }
    }
    renumber(parts);
    for (int i = 1; i < parts.size(); i++) {
      inherit(parts.get(i - 1), parts.get(i));
    }
    spreadCourseLength(parts);
    for (Part p : parts) {
      settle(p);
    }
    return parts;
  }

  /**
   * Whether a concurrent part only qualifies the part before it ("1 tab daily. Take with food."):
   * no dose, frequency, route, site or course of its own, and the same verb or none.
   */
  private static boolean qualifies(Part prev, Part p) {
    return (p.sequence == prev.sequence || p.stepByCourse)
        && p.doseLow == null
        && p.unit == null
        && !p.hasFrequency()
        && p.route == null
        && p.site == null
        && p.count == null
        && p.boundsValue == null
        && !p.asNeeded
        && p.maxValue == null
        && !p.immediate
        && (p.method == null || p.method == prev.method);
  }

  private static void fold(Part into, Part p) {
    if (p.when != null) {
      for (var e : p.when) {
        into.addWhen(e);
      }
    }
    if (p.days != null) {
      for (var day : p.days) {
        into.addDay(day);
      }
    }
    if (p.times != null) {
      for (String time : p.times) {
        into.addTime(time);
      }
    }
    if (into.method == null) {
      into.method = p.method;
    }
    if (p.advice != null) {
      for (String a : p.advice) {
        into.addAdvice(a);
      }
    }
    if (into.form == null) {
      into.form = p.form;
      into.formRoute = p.formRoute;
    }
    if (into.amountText == null) {
      into.amountText = p.amountText;
    }
    if (p.indication != null && into.indication == null) {
      into.indication = p.indication;
    }
  }

  private static void renumber(List<Part> parts) {
    int seq = 0;
    int last = -1;
    for (Part p : parts) {
      if (p.sequence != last) {
        seq++;
        last = p.sequence;
      }
      p.sequence = seq;
    }
  }

  private static void inherit(Part prev, Part p) {
    boolean sameStep = prev.sequence == p.sequence;
    if (!sameStep && p.doseLow == null && p.unit == null && prev.doseLow != null) {
      p.doseLow = prev.doseLow;
      p.doseHigh = prev.doseHigh;
      p.unit = prev.unit;
    }
    if (p.doseLow != null && p.unit == null && prev.unit != null) {
      p.unit = prev.unit;
    }
    // a different verb, a site or a form of its own is a different administration ("1 tab po
    // daily, apply cream to scalp nightly"): its route is its own
    boolean own =
        (p.method != null && prev.method != null && p.method != prev.method)
            || p.site != null
            || p.formRoute != null;
    if (p.route == null && !own && prev.route != null) {
      p.route = prev.route;
    }
    if (p.method == null) {
      p.method = prev.method;
    }
    boolean sameVerb = p.method == prev.method;
    if (p.site == null
        && prev.site != null
        && sameVerb
        && (p.route == null || p.route == prev.route)) {
      p.site = prev.site;
    }
    if (p.form == null && sameVerb) {
      p.form = prev.form;
      p.formRoute = prev.formRoute;
    }
  }

  private static void spreadCourseLength(List<Part> parts) {
    int i = 0;
    while (i < parts.size()) {
      int j = i;
      while (j + 1 < parts.size() && parts.get(j + 1).sequence == parts.get(i).sequence) {
        j++;
      }
      Part last = parts.get(j);
      if (j > i && last.boundsValue != null) {
        for (int k = i; k < j; k++) {
          Part p = parts.get(k);
          if (p.boundsValue == null) {
            p.boundsValue = last.boundsValue;
            p.boundsUnit = last.boundsUnit;
          }
        }
      }
      i = j + 1;
    }
  }

  private static void settle(Part p) {
    if (p.immediate && !p.hasFrequency() && p.count == null) {
      p.count = 1;
    }
    if (p.route == null) {
      p.route = impliedRoute(p);
    }
  }

  private static Route impliedRoute(Part p) {
    if (p.site != null && p.site.route != null) {
      return p.site.route;
    }
    if (p.method != null && p.method.impliedRoute != null) {
      return p.method.impliedRoute;
    }
    if (p.unit == DoseUnit.PATCH || "patch".equals(p.form)) {
      return Route.TRANSDERMAL;
    }
    if (p.formRoute != null) {
      return p.formRoute;
    }
    if (p.site != null && p.site.skin && p.method != null && p.method.appliesToSkin()) {
      return Route.TOPICAL;
    }
    return null;
  }
}
