/* gls-adjudication-private.h
 * The fields of an adjudication, shared by gls-adjudication.c (the
 * decisions and their undo) and gls-adjudication-state.c (its files). */
#pragma once

#include "gls-adjudication.h"

G_BEGIN_DECLS

typedef struct
{
  GlsDecision decision;
  int         coder;
} Settled;

/* What a passage was before a step, to go back to it */
typedef struct
{
  guint   passage;
  Settled before;
} Change;

/* One step to undo: the passages it settled and the gold annotations it
 * added and took out */
typedef struct
{
  GArray    *changes;  /* Change */
  GPtrArray *added;    /* GlsAnnotation */
  GPtrArray *removed;  /* GlsAnnotation */
} Step;

struct _GlsAdjudication
{
  GObject      parent_instance;

  /* Owned */
  GlsDocument *gold;
  GFile       *gold_file;
  GPtrArray   *coders;    /* GlsCoder */
  GPtrArray   *passages;  /* GlsPassage */
  GArray      *settled;   /* Settled, one per passage */
  GPtrArray   *undo;      /* Step */
  Step        *step;      /* the one being made */

  guint        modified : 1;
};

G_END_DECLS
