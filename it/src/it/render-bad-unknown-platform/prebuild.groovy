// A copy of the sample tree to break, and an earlier render that must survive the failed one.
def tree = evaluate(new File(basedir, '../../../src/it/lib/broken-sample.groovy'))
new File(tree, 'flavours.yaml').text = new File(tree, 'flavours.yaml').text.replace('platforms: [ aws ]', 'platforms: [ aws, foo ]')
return true
