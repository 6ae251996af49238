import type { ReactNode } from 'react';
import { Card, Typography } from 'antd';
import { useI18n, type MessageKey } from '../../../app/i18n/index.tsx';
import { BasicFields } from './BasicFields.tsx';
import { ObjectListEditor, StringListEditor } from './ListEditors.tsx';
import { MaterialsEditor } from './MaterialsEditor.tsx';
import { ChannelFields, LimitFields } from './ServiceFields.tsx';

function Part({ title, children, id }: { title: MessageKey; children: ReactNode; id: string }) {
  const { t } = useI18n();
  return (
    <Card title={t(title)} size="small" style={{ marginBottom: 16 }} id={`editor-${id}`}>
      {children}
    </Card>
  );
}

function SubTitle({ title }: { title: MessageKey }) {
  const { t } = useI18n();
  return (
    <Typography.Title level={5} style={{ margin: '20px 0 8px' }}>
      {t(title)}
    </Typography.Title>
  );
}

/** The proposed content of an item, section by section (ItemContent of the API). */
export function ItemContentForm() {
  return (
    <>
      <Part id="basic" title="catalog.guide.basic">
        <BasicFields />
      </Part>
      <Part id="basis" title="catalog.guide.basis">
        <ObjectListEditor
          name="legalBasis"
          entryTitle="catalog.editor.basisN"
          addLabel="catalog.editor.addBasis"
          blank={() => ({ law: '' })}
          fields={[
            { key: 'law', label: 'catalog.basis.law', required: true, span: 14, max: 200 },
            { key: 'article', label: 'catalog.basis.article', span: 10, max: 100 },
            { key: 'text', label: 'catalog.basis.text', kind: 'textarea', span: 24, max: 5000 },
          ]}
        />
      </Part>
      <Part id="conditions" title="catalog.guide.conditions">
        <StringListEditor name="acceptanceConditions" addLabel="catalog.editor.addCondition" />
      </Part>
      <Part id="materials" title="catalog.guide.materials">
        <MaterialsEditor />
      </Part>
      <Part id="process" title="catalog.guide.process">
        <ObjectListEditor
          name="process"
          entryTitle="catalog.editor.stepN"
          addLabel="catalog.editor.addStep"
          blank={() => ({ name: '' })}
          fields={[
            { key: 'name', label: 'catalog.step.name', required: true, span: 8, max: 100 },
            { key: 'actor', label: 'catalog.step.actor', span: 8, max: 100 },
            { key: 'days', label: 'catalog.step.days', kind: 'number', span: 8 },
            { key: 'description', label: 'catalog.step.description', kind: 'textarea', span: 24, max: 2000 },
          ]}
        />
      </Part>
      <Part id="limits" title="catalog.editor.limits">
        <LimitFields />
        <ObjectListEditor
          name="specialProcedures"
          entryTitle="catalog.editor.specialN"
          addLabel="catalog.editor.addSpecial"
          blank={() => ({ name: '', maxDays: null, counted: false })}
          fields={[
            { key: 'name', label: 'catalog.special.name', required: true, span: 8, max: 100 },
            { key: 'maxDays', label: 'catalog.special.maxDays', kind: 'number', span: 8 },
            { key: 'counted', label: 'catalog.special.counted', kind: 'switch', span: 8 },
            { key: 'basis', label: 'catalog.special.basis', span: 24, max: 500 },
          ]}
        />
      </Part>
      <Part id="fees" title="catalog.guide.feesTitle">
        <ObjectListEditor
          name="fees"
          entryTitle="catalog.editor.feeN"
          addLabel="catalog.editor.addFee"
          blank={() => ({ name: '', amount: '' })}
          fields={[
            { key: 'name', label: 'catalog.fee.name', required: true, span: 8, max: 200 },
            { key: 'amount', label: 'catalog.fee.amount', span: 8, max: 200 },
            { key: 'basis', label: 'catalog.fee.basis', span: 8, max: 500 },
          ]}
        />
      </Part>
      <Part id="channels" title="catalog.editor.channels">
        <ChannelFields />
      </Part>
      <Part id="faq" title="catalog.guide.faq">
        <ObjectListEditor
          name="faq"
          entryTitle="catalog.editor.faqN"
          addLabel="catalog.editor.addFaq"
          blank={() => ({ q: '', a: '' })}
          fields={[
            { key: 'q', label: 'catalog.faq.q', required: true, span: 24, max: 500 },
            { key: 'a', label: 'catalog.faq.a', kind: 'textarea', required: true, span: 24, max: 3000 },
          ]}
        />
      </Part>
      <Part id="forms" title="catalog.guide.forms">
        <ObjectListEditor
          name="forms"
          entryTitle="catalog.editor.formN"
          addLabel="catalog.editor.addForm"
          blank={() => ({ name: '' })}
          fields={[
            { key: 'name', label: 'catalog.form2.name', required: true, span: 12, max: 200 },
            { key: 'url', label: 'catalog.form2.url', span: 12, max: 500 },
          ]}
        />
      </Part>
      <Part id="power" title="catalog.guide.power">
        <ObjectListEditor
          name="responsibilities"
          entryTitle="catalog.editor.respN"
          addLabel="catalog.editor.addResp"
          blank={() => ({ step: '', content: '' })}
          fields={[
            { key: 'step', label: 'catalog.resp.step', required: true, span: 8, max: 50 },
            { key: 'content', label: 'catalog.resp.content', kind: 'textarea', required: true, span: 16, max: 2000 },
            { key: 'basis', label: 'catalog.resp.basis', kind: 'textarea', span: 24, max: 2000 },
          ]}
        />
        <SubTitle title="catalog.field.accountability" />
        <StringListEditor name="accountability" addLabel="catalog.editor.addAccountability" />
        <SubTitle title="catalog.field.integrityRisks" />
        <StringListEditor name="integrityRisks" addLabel="catalog.editor.addRisk" max={1000} />
      </Part>
    </>
  );
}
