/* gls-adjudication-private.h
 * The fields of an adjudication, shared by gls-adjudication.c (the
 * decisions and their undo) and gls-adjudication-state.c (its files). */
#pragma once

#include "gls-adjudication.h"
#include "gls-document-file.h"

G_BEGIN_DECLS

typedef struct
{
  GlsDecision decision;
  int         coder;
} Settled;

/* What a passage was before a step and after it, to go back and forth */
typedef struct
{
  guint   passage;
  Settled before;
  Settled after;
} Change;

/* One step to undo or redo: the passages it settled and the gold
 * annotations it added and took out */
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
  GPtrArray   *redo;      /* Step, the last one undone last */
  Step        *step;      /* the one being made */
  GlsDocumentFile *gold_owner;  /* (nullable): saves the gold, made at the first save */

  /* every decision, undo and redo counts one: the gold is modified while
   * the count differs from the one it had when last saved */
  guint64      changes;
  guint64      saved_changes;
};


G_END_DECLS
